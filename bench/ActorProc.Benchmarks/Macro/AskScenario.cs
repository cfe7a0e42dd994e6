using System.Diagnostics;
using ActorProc.Actors;

namespace ActorProc.Benchmarks.Macro;

/// <summary>Sequential ask round trips to an echo actor: the caller awaits each reply before the next ask.</summary>
internal static class AskScenario
{
    public static async Task<double> RunAsync(int count)
    {
        using var system = ActorSystem.Create("ask");
        var echo = system.ActorOf(Props.Create(() => new Echo()));
        var message = new object();
        for (var i = 0; i < 20_000; i++)
        {
            await echo.Ask<object>(message, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }

        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await echo.Ask<object>(message, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }

        sw.Stop();
        return sw.Elapsed.TotalMilliseconds * 1000.0 / count;
    }

    private sealed class Echo : ActorBase
    {
        protected override bool Receive(object message)
        {
            Sender.Tell(message, Self);
            return true;
        }
    }
}
