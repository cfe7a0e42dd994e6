using ActorProc.Actors;
using ActorProc.Remote;

namespace ActorProc.Benchmarks.Macro;

/// <summary>
/// The peer process of the cross-process scenarios: reads the auth key (base64) from stdin, starts an actor
/// system with remoting and a ponger, prints <c>READY &lt;ponger path&gt;</c>, and exits when stdin closes
/// (so it never outlives the benchmark that started it).
/// </summary>
internal static class RemoteHost
{
    public static int Run()
    {
        var key = Convert.FromBase64String(Console.ReadLine() ?? throw new InvalidOperationException("No auth key on stdin."));
        using var system = ActorSystem.Create("bench-host", "actorproc.actor.default-dispatcher.throughput = 100");
        var remote = RemoteExtension.Start(system, key);
        var ponger = system.ActorOf(Props.Create(() => new Ponger()), "ponger");
        Console.WriteLine($"READY {ponger.Path.WithAddress(remote.Address)}");
        Console.Out.Flush();
        while (Console.ReadLine() is not null)
        {
        }

        return 0;
    }
}
