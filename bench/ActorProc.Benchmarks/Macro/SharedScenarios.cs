using System.Diagnostics;
using System.Runtime.CompilerServices;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Benchmarks.Macro;

/// <summary>
/// Shared values: ns per read and per write of a <c>SharedValue&lt;int&gt;</c>, in the creating process and in a child
/// that received the handle, for a value with its lock (the default) and one created with <c>lock: false</c>.
/// </summary>
public static class SharedScenarios
{
    /// <summary>Where measured reads go.</summary>
    public static long Sink { get; private set; }

    /// <summary>The figures, each the best of 3 runs (after a warm-up run) of <paramref name="iterations"/> accesses.</summary>
    public static (double Read, double Write, double ChildRead, double ChildWrite, double NoLockRead, double NoLockWrite) Run(int iterations)
    {
        var value = new mp.SharedValue<int>(0);
        var noLock = new mp.SharedValue<int>(0, @lock: false);
        var child = new mp.SharedArray<double>(2);
        var p = new mp.Process(() =>
        {
            child[0] = ReadNs(value, iterations);
            child[1] = WriteNs(value, iterations);
        });
        p.Start();
        p.Join();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"The measuring child failed with exit code {p.ExitCode}.");
        }

        return (ReadNs(value, iterations), WriteNs(value, iterations), child[0], child[1], ReadNs(noLock, iterations), WriteNs(noLock, iterations));
    }

    /// <summary>Best mean ns per <c>Value</c> read.</summary>
    public static double ReadNs(mp.SharedValue<int> value, int iterations)
    {
        double best = double.MaxValue;
        for (int run = 0; run < 4; run++)
        {
            long start = Stopwatch.GetTimestamp();
            Sink = SumOfReads(value, iterations);
            double ns = Stopwatch.GetElapsedTime(start).TotalNanoseconds / iterations;
            if (run > 0)
            {
                best = Math.Min(best, ns);
            }
        }

        return best;
    }

    /// <summary>Best mean ns per <c>Value</c> write.</summary>
    public static double WriteNs(mp.SharedValue<int> value, int iterations)
    {
        double best = double.MaxValue;
        for (int run = 0; run < 4; run++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < iterations; i++)
            {
                value.Value = i;
            }

            double ns = Stopwatch.GetElapsedTime(start).TotalNanoseconds / iterations;
            if (run > 0)
            {
                best = Math.Min(best, ns);
            }
        }

        return best;
    }

    // The reads' sum is published, so no read can be dropped as unused.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long SumOfReads(mp.SharedValue<int> value, int iterations)
    {
        long sum = 0;
        for (int i = 0; i < iterations; i++)
        {
            sum += value.Value;
        }

        return sum;
    }
}
