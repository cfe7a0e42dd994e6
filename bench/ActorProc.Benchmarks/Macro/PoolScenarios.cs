using System.Diagnostics;
using ActorProc.Multiprocessing.Runtime;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Benchmarks.Macro;

/// <summary>
/// Pool and ProcessPoolExecutor figures (Python: bench/python/pools.py, same names):
/// <list type="bullet">
/// <item><c>pool-apply</c>: µs per <c>Apply(() =&gt; 1)</c> round trip on a started Pool(2), best of runs. This and the
/// map, submit and CPU figures are of pools whose workers are all up and whose parent has no spare booting beside
/// them (a pool starts the workers that need a fresh process once there is work for them).</item>
/// <item><c>pool-map</c>: items/s of <c>Map(x =&gt; x * 2)</c> over 100,000 ints, default chunksize.</item>
/// <item><c>pool-map-chunk1</c>: the same with chunksize 1 (100,000 tasks).</item>
/// <item><c>executor-submit</c>: futures/s of 20,000 <c>Submit(() =&gt; i)</c> then waiting for all.</item>
/// <item><c>pool-start</c>: ms from <c>new Pool(2)</c> to the first Apply result (runtime started, a spare child ready,
/// as in a program that already started a process); <c>pool-start-cold</c>: the same with no spare (every worker a fresh
/// OS process).</item>
/// <item><c>pool-lifecycle</c>: ms of <c>using (var pool = new Pool(2)) pool.Apply(...)</c>, start to the end of the
/// using block (disposing terminates the workers), spare child ready.</item>
/// <item><c>pool-cpu-speedup</c>: time of a CPU-bound Map on a Pool(1) divided by the time on a Pool(2), each pool
/// measured in steady state: ten untimed maps first, until the parent's JIT has tiered up the pool's code paths (before
/// that its background compiler thread takes 30-150 ms of a core per map, which on a 2-core machine is taken from the
/// workers: the first maps on 2 workers run at 1.5-1.7x).</item>
/// </list>
/// </summary>
public static class PoolScenarios
{
    private const int MapItems = 100_000;

    /// <summary>Best mean µs per Apply round trip.</summary>
    public static double Apply(int calls = 20_000, int runs = 3)
    {
        using var pool = new mp.Pool(2);
        WaitForWorkers(pool, 2);
        for (int i = 0; i < calls / 4; i++)
        {
            pool.Apply(static () => 1);
        }

        return Enumerable.Range(0, runs).Min(_ =>
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < calls; i++)
            {
                pool.Apply(static () => 1);
            }

            return watch.Elapsed.TotalMicroseconds / calls;
        });
    }

    /// <summary>Best items/s of a Map of 100,000 ints with the given chunksize (null: Python's default).</summary>
    public static double Map(int? chunksize, int runs = 5)
    {
        using var pool = new mp.Pool(2);
        WaitForWorkers(pool, 2);
        var input = Enumerable.Range(0, MapItems).ToArray();
        pool.Map(static x => x * 2, input, chunksize);
        return Enumerable.Range(0, runs).Max(_ =>
        {
            var watch = Stopwatch.StartNew();
            var results = pool.Map(static x => x * 2, input, chunksize);
            double rate = MapItems / watch.Elapsed.TotalSeconds;
            if (results.Count != MapItems || results[^1] != (MapItems - 1) * 2)
            {
                throw new InvalidOperationException("The map returned wrong results.");
            }

            return rate;
        });
    }

    /// <summary>Best futures/s of submitting <paramref name="count"/> trivial funcs and waiting for them.</summary>
    public static double ExecutorSubmit(int count = 20_000, int runs = 3)
    {
        using var executor = new mp.ProcessPoolExecutor(2);
        while (Enumerable.Range(0, 64).Select(_ => executor.Submit(static () => Environment.ProcessId)).ToArray().Select(f => f.Result).Distinct().Count() < 2)
        {
        }

        Thread.Sleep(700); // pacing, as in WaitForWorkers

        Task.WaitAll(Enumerable.Range(0, count / 4).Select(i => executor.Submit(() => i)).ToArray());
        return Enumerable.Range(0, runs).Max(_ =>
        {
            var watch = Stopwatch.StartNew();
            var futures = new Task<int>[count];
            for (int i = 0; i < count; i++)
            {
                int n = i;
                futures[i] = executor.Submit(() => n);
            }

            Task.WaitAll(futures);
            return count / watch.Elapsed.TotalSeconds;
        });
    }

    /// <summary>Median ms from constructing a Pool(2) to its first Apply result; <paramref name="spare"/> keeps one spare child ready.</summary>
    public static double Start(bool spare, int runs = 7, bool whole = false)
    {
        var spares = ProcessRuntime.Get().Spares;
        spares.Target = spare ? 1 : 0;
        StartOnce(whole); // the first pool also creates this process's runtime and JITs the pool: not part of a pool start
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            // Benchmark pacing, not synchronisation: let the spare boot (and the previous pool's workers exit).
            Thread.Sleep(600);
            times.Add(StartOnce(whole));
        }

        spares.Target = 1;
        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>Time of a CPU-bound Map on one worker over the time on two.</summary>
    public static double CpuSpeedup()
    {
        var input = Enumerable.Repeat(2_000_000, 400).ToArray();
        double one = TimeMap(1, input);
        double two = TimeMap(2, input);
        return one / two;
    }

    private static double TimeMap(int processes, int[] input)
    {
        using var pool = new mp.Pool(processes);
        WaitForWorkers(pool, processes);
        pool.Map(Burn, input.Take(8));

        // Steady state: the JIT's tiering (R2R or tier-0 code, then instrumented tier 1, then tier 1, each after 30 calls)
        // needs about ten maps of this shape before the parent's background compiler thread goes quiet.
        for (int i = 0; i < 10; i++)
        {
            pool.Map(Burn, input);
        }

        return Enumerable.Range(0, 3).Min(_ =>
        {
            var watch = Stopwatch.StartNew();
            pool.Map(Burn, input);
            return watch.Elapsed.TotalMilliseconds;
        });
    }

    // Steady state: the figures are of a pool whose workers are all up (a pool starts the workers that need a fresh OS
    // process only once there is work for them, and they take ~150 ms to boot).
    private static void WaitForWorkers(mp.Pool pool, int processes)
    {
        while (pool.Map(static _ => Environment.ProcessId, Enumerable.Range(0, 64), chunksize: 1).Distinct().Count() < processes)
        {
        }

        // Benchmark pacing, not synchronisation: let the spare started after this pool took one boot and warm up.
        Thread.Sleep(700);
    }

    private static long Burn(int iterations)
    {
        long acc = 0;
        for (int i = 0; i < iterations; i++)
        {
            acc = (acc * 31) + i;
        }

        return acc;
    }

    private static double StartOnce(bool whole)
    {
        var watch = Stopwatch.StartNew();
        double firstResult;
        using (var pool = new mp.Pool(2))
        {
            if (pool.Apply(static () => 1) != 1)
            {
                throw new InvalidOperationException("The pool answered wrongly.");
            }

            firstResult = watch.Elapsed.TotalMilliseconds;
        }

        return whole ? watch.Elapsed.TotalMilliseconds : firstResult;
    }
}
