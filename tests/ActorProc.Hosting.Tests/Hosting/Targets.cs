using Microsoft.Extensions.Logging;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Hosting.Tests.Hosting;

/// <summary>Child process targets; each closure captures only its arguments (a test method's locals share one closure object).</summary>
public static class Targets
{
    public static Action WaitFor(mp.Event release) => () => release.Wait();

    /// <summary>Logs through ProcessLogging: an information event with a property, and an error with an exception.</summary>
    public static void LogHelloAndFailure()
    {
        var log = mp.ProcessLogging.LoggerFactory.CreateLogger("Child.Greeter");
        log.LogInformation(new EventId(7, "Hello"), "hello {Number} from {Who}", 42, mp.Process.Current.Name);
        try
        {
            throw new FormatException("bad input in the child");
        }
        catch (FormatException e)
        {
            log.LogError(e, "it failed");
        }
    }

    /// <summary>Logs <paramref name="count"/> numbered events, then exits at once with code 3.</summary>
    public static Action LogManyThenExit(int count) => () =>
    {
        var log = mp.ProcessLogging.LoggerFactory.CreateLogger("Child.Burst");
        for (int i = 0; i < count; i++)
        {
            log.LogInformation("event {Index}", i);
        }

        mp.Process.Exit(3);
    };

    /// <summary>Starts a grandchild named "grandchild" that logs, and joins it.</summary>
    public static void StartLoggingGrandchild()
    {
        var grandchild = new mp.Process(LogFromGrandchild, name: "grandchild");
        grandchild.Start();
        grandchild.Join();
    }

    private static void LogFromGrandchild() =>
        mp.ProcessLogging.LoggerFactory.CreateLogger("Child.Grandchild").LogWarning("grandchild {Pid} here", Environment.ProcessId);
}
