using ActorProc.Actors;

namespace ActorProc.Benchmarks.Macro;

/// <summary>Managed memory held per idle actor: creates many started, idle actors and divides the heap growth.</summary>
internal static class IdleActorMemoryScenario
{
    public static double Run(int count)
    {
        using var system = ActorSystem.Create("memory");
        var started = new CountdownEvent(count);
        var props = Props.Create(() => new Idle(started));
        var refs = new IActorRef[count];
        var before = Measure();
        for (var i = 0; i < count; i++)
        {
            refs[i] = system.ActorOf(props);
        }

        started.Wait();
        var after = Measure();
        GC.KeepAlive(refs);
        return (after - before) / (double)count;
    }

    private static long Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class Idle : ActorBase
    {
        private readonly CountdownEvent _started;

        public Idle(CountdownEvent started) => _started = started;

        protected override void PreStart() => _started.Signal();

        protected override bool Receive(object message) => false;
    }
}
