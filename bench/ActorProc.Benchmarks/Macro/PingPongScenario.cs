using System.Diagnostics;
using ActorProc.Actors;

namespace ActorProc.Benchmarks.Macro;

/// <summary>
/// In-process ping-pong: one pair of actors per core, each pair bouncing a window of messages back and forth
/// (as Akka.NET's PingPong benchmark does). Counts every delivered message.
/// </summary>
internal static class PingPongScenario
{
    public static double Run(int pairs, int messagesPerPair, int window)
    {
        using var system = ActorSystem.Create("pingpong", "actorproc.actor.default-dispatcher.throughput = 100");
        var done = new CountdownEvent(pairs);
        var pingers = new List<IActorRef>();
        for (var i = 0; i < pairs; i++)
        {
            var ponger = system.ActorOf(Props.Create(() => new Ponger()));
            pingers.Add(system.ActorOf(Props.Create(() => new Pinger(ponger, messagesPerPair, window, done))));
        }

        // Warm-up round so that JIT and thread-pool injection are out of the measurement.
        var warm = new CountdownEvent(pairs);
        foreach (var p in pingers)
        {
            p.Tell(new Start(warm, Math.Min(messagesPerPair, 200_000)));
        }

        warm.Wait();
        var sw = Stopwatch.StartNew();
        foreach (var p in pingers)
        {
            p.Tell(new Start(done, messagesPerPair));
        }

        done.Wait();
        sw.Stop();
        var delivered = 2.0 * pairs * messagesPerPair;
        return delivered / sw.Elapsed.TotalSeconds;
    }
}
