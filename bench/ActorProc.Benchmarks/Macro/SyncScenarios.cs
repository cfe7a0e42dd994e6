using System.Diagnostics;
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
    /// Mean µs per semaphore hand-off round trip, as Python's counterpart measures it: this process releases
    /// <c>s1</c>, a child waiting on it wakes and releases <c>s2</c>, this process wakes (both created here).
    /// </summary>
    public static double SemaphoreHandOffUs(int rounds)
    {
        const int Warmup = 1000;
        var s1 = new mp.Semaphore(0);
        var s2 = new mp.Semaphore(0);
        int total = rounds + Warmup;
        var child = new mp.Process(() =>
        {
            for (int i = 0; i < total; i++)
            {
                s1.Acquire();
                s2.Release();
            }
        });
        child.Start();
        try
        {
            for (int i = 0; i < Warmup; i++)
            {
                s1.Release();
                s2.Acquire();
            }

            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < rounds; i++)
            {
                s1.Release();
                s2.Acquire();
            }

            return Stopwatch.GetElapsedTime(start).TotalMicroseconds / rounds;
        }
        finally
        {
            child.Join();
        }
    }

    /// <summary>
    /// µs from <c>Set</c> to the wake of a waiter in another process, as Python's counterpart measures it: half the
    /// mean round trip of two processes waking each other through two events (<c>e1.Set</c>; the child's
    /// <c>e1.Wait</c> returns, it clears <c>e1</c> and sets <c>e2</c>; this process's <c>e2.Wait</c> returns).
    /// </summary>
    public static double EventSetToWakeUs(int rounds)
    {
        const int Warmup = 200;
        var e1 = new mp.Event();
        var e2 = new mp.Event();
        int total = rounds + Warmup;
        var child = new mp.Process(() =>
        {
            for (int i = 0; i < total; i++)
            {
                e1.Wait();
                e1.Clear();
                e2.Set();
            }
        });
        child.Start();
        try
        {
            for (int i = 0; i < Warmup; i++)
            {
                Bounce(e1, e2);
            }

            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < rounds; i++)
            {
                Bounce(e1, e2);
            }

            return Stopwatch.GetElapsedTime(start).TotalMicroseconds / rounds / 2;
        }
        finally
        {
            child.Join();
        }

        static void Bounce(mp.Event e1, mp.Event e2)
        {
            e1.Set();
            e2.Wait();
            e2.Clear();
        }
    }
}
