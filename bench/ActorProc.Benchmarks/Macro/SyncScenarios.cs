using System.Diagnostics;
using System.Globalization;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Benchmarks.Macro;

/// <summary>
/// Synchronization primitives: uncontended lock acquire+release in the creating process, semaphore hand-off
/// between two processes, and event set-to-wake across processes.
/// </summary>
public static class SyncScenarios
{
    /// <summary>Mean ns per uncontended <c>Acquire</c>+<c>Release</c> of a lock created in this process (best of 3).</summary>
    public static double UncontendedLockNs(int iterations)
    {
        var l = new mp.Lock();
        double best = double.MaxValue;
        for (int run = 0; run < 4; run++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < iterations; i++)
            {
                l.Acquire();
                l.Release();
            }

            double ns = Stopwatch.GetElapsedTime(start).TotalNanoseconds / iterations;
            if (run > 0)
            {
                best = Math.Min(best, ns);
            }
        }

        return best;
    }

    /// <summary>
    /// Median µs per semaphore hand-off round trip: this process releases <c>ping</c>, a child waiting on it
    /// wakes and releases <c>pong</c>, this process wakes (both semaphores created here).
    /// </summary>
    public static double SemaphoreHandOffUs(int rounds)
    {
        var ping = new mp.Semaphore(0);
        var pong = new mp.Semaphore(0);
        int total = rounds + 200;
        var child = new mp.Process(() =>
        {
            for (int i = 0; i < total; i++)
            {
                ping.Acquire();
                pong.Release();
            }
        });
        child.Start();
        try
        {
            var times = new double[total];
            for (int i = 0; i < total; i++)
            {
                long start = Stopwatch.GetTimestamp();
                ping.Release();
                pong.Acquire();
                times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }

            return Median(times.Skip(200));
        }
        finally
        {
            child.Join();
        }
    }

    /// <summary>
    /// Median µs from <c>Set</c> in this process to the return of <c>Wait</c> in a child (the event created here;
    /// both sides read the same monotonic clock).
    /// </summary>
    public static double EventSetToWakeUs(int rounds)
    {
        var go = new mp.Event();
        var woke = new mp.Semaphore(0);
        var again = new mp.Semaphore(0);
        int total = rounds + 100;
        var file = Path.Combine(Path.GetTempPath(), $"actorproc-bench-event-{Environment.ProcessId}.txt");
        var child = new mp.Process(() =>
        {
            var wakes = new long[total];
            for (int i = 0; i < total; i++)
            {
                go.Wait();
                wakes[i] = Stopwatch.GetTimestamp();
                woke.Release();
                again.Acquire();
            }

            File.WriteAllLines(file, wakes.Select(w => w.ToString(CultureInfo.InvariantCulture)));
        });
        child.Start();
        try
        {
            var sets = new long[total];
            for (int i = 0; i < total; i++)
            {
                Thread.Sleep(0);
                sets[i] = Stopwatch.GetTimestamp();
                go.Set();
                woke.Acquire();
                go.Clear();
                again.Release();
            }

            child.Join();
            var wakes = File.ReadAllLines(file).Select(l => long.Parse(l, CultureInfo.InvariantCulture)).ToArray();
            return Median(Enumerable.Range(100, rounds).Select(i => Stopwatch.GetElapsedTime(sets[i], wakes[i]).TotalMicroseconds));
        }
        finally
        {
            child.Join();
            File.Delete(file);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
