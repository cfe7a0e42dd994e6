using System.Diagnostics;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Benchmarks.Macro;

/// <summary>Manager proxies: one <c>d[k] = v</c> on a manager dictionary from the process that started the manager.</summary>
public static class ManagerScenarios
{
    /// <summary>
    /// Mean µs per <c>d[i % 100] = i</c> on a manager dict (one request/reply with its owner in the manager process),
    /// the best of 3 runs of <paramref name="iterations"/> after a warm-up long enough for tiered compilation on both sides.
    /// </summary>
    public static double DictSetUs(int iterations)
    {
        using var manager = mp.Manager.Start();
        var d = manager.Dict<int, int>();
        for (int i = 0; i < 50_000; i++)
        {
            d[i % 100] = i;
        }

        double best = double.MaxValue;
        for (int run = 0; run < 3; run++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < iterations; i++)
            {
                d[i % 100] = i;
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMicroseconds / iterations);
        }

        return best;
    }
}
