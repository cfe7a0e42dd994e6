using ActorProc.Actors;
using BenchmarkDotNet.Attributes;

namespace ActorProc.Benchmarks.Actors;

/// <summary>
/// Steady-state <c>Tell</c>: batches of messages to a counting actor, waiting for the batch to drain, so that
/// the mailbox, its scheduling and the actor's processing are all inside the measurement. MemoryDiagnoser
/// reports bytes allocated per Tell (process-wide, so including the thread-pool side).
/// </summary>
[MemoryDiagnoser]
public class TellBenchmarks
{
    private const int Batch = 1000;
    private static readonly object Message = new();
    private ActorSystem _system = null!;
    private IActorRef _counter = null!;
    private Counter.State _state = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("tell-bench");
        _state = new Counter.State();
        _counter = _system.ActorOf(Props.Create(() => new Counter(_state)));
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().Wait();

    [Benchmark(OperationsPerInvoke = Batch)]
    public void Tell()
    {
        var target = Volatile.Read(ref _state.Count) + Batch;
        for (var i = 0; i < Batch; i++)
        {
            _counter.Tell(Message, null);
        }

        var spin = new SpinWait();
        while (Volatile.Read(ref _state.Count) < target)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    private sealed class Counter(Counter.State state) : ActorBase
    {
        protected override bool Receive(object message)
        {
            Interlocked.Increment(ref state.Count);
            return true;
        }

        public sealed class State
        {
            public long Count;
        }
    }
}
