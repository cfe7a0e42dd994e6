using ActorProc.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorProc.Benchmarks.Actors;

/// <summary>One ask round trip to an echo actor (await included).</summary>
[MemoryDiagnoser]
public class AskBenchmarks
{
    private static readonly object Message = new();
    private ActorSystem _system = null!;
    private IActorRef _echo = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("ask-bench");
        _echo = _system.ActorOf(Props.Create(() => new Echo()));
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark]
    public Task<object> Ask() => _echo.Ask<object>(Message, TimeSpan.FromSeconds(5));

    private sealed class Echo : ActorBase
    {
        protected override bool Receive(object message)
        {
            Sender.Tell(message, Self);
            return true;
        }
    }
}
