using System.Diagnostics;
using System.Globalization;
using ActorProc.Multiprocessing.Runtime;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Benchmarks.Macro;

/// <summary>Start+join of an empty target (cold and served by a spare) and the idle memory of a child.</summary>
public static class ProcessScenarios
{
    /// <summary>Median start+join time in ms of <paramref name="runs"/> children, each a fresh OS process started on demand.</summary>
    public static double ColdStartJoin(int runs)
    {
        var spares = ProcessRuntime.Get().Spares;
        spares.Target = 0;
        StartJoin(); // the first start also creates the parent's runtime: not part of a child's start
        return Median(Enumerable.Range(0, runs).Select(_ => StartJoin()));
    }

    /// <summary>Median start+join time in ms when a started spare child is waiting (the spare is given time to get ready).</summary>
    public static double WarmStartJoin(int runs)
    {
        var spares = ProcessRuntime.Get().Spares;
        spares.Target = 1;
        StartJoin();
        var times = new List<double>();
        for (int i = 0; i < runs + 2; i++)
        {
            // Benchmark pacing, not synchronisation: a spare needs ~100 ms to boot before it can serve a start.
            Thread.Sleep(400);
            times.Add(StartJoin());
        }

        return Median(times.Skip(2));
    }

    /// <summary>RSS and PSS in MB of an idle child (target waiting), sampled after it settled.</summary>
    public static (double Rss, double Pss) IdleChildMemory()
    {
        ProcessRuntime.Get().Spares.Target = 0;
        var child = new mp.Process(static () => Thread.Sleep(Timeout.Infinite));
        child.Start();
        try
        {
            Thread.Sleep(1500);
            int pid = child.Pid!.Value;
            return (ReadKb($"/proc/{pid}/status", "VmRSS:") / 1024.0, ReadKb($"/proc/{pid}/smaps_rollup", "Pss:") / 1024.0);
        }
        finally
        {
            child.Kill();
            child.Join();
        }
    }

    private static double StartJoin()
    {
        var watch = Stopwatch.StartNew();
        var p = new mp.Process(static () => { });
        p.Start();
        p.Join();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"The benchmark child ended with {p.ExitCode}.");
        }

        return elapsed;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double ReadKb(string file, string key) =>
        double.Parse(File.ReadLines(file).First(l => l.StartsWith(key, StringComparison.Ordinal))[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
