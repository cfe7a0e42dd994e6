using ActorProc.Multiprocessing;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Pools;

/// <summary>Funcs for pool tests: static, so they cross to workers without capturing the test class.</summary>
public static class PoolTasks
{
    /// <summary>Set by the pool initializer in a worker; never set in the test process.</summary>
    public static string? Initialized { get; set; }

    public static int Double(int x) => x * 2;

    public static int Fail(int x) => throw new InvalidOperationException($"item {x} is bad");

    public static int FailOn(int x, int bad) => x == bad ? throw new FormatException($"cannot handle {x}") : x * 2;

    public static IEnumerable<int> Endless(Counter reads)
    {
        for (int i = 0; ; i++)
        {
            reads.Count++;
            yield return i;
        }
    }

    public static IEnumerable<int> ThrowsAfter(int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return i;
        }

        throw new InvalidDataException("the input broke");
    }

    /// <summary>Spins the CPU for about <paramref name="iterations"/> steps and returns a checksum.</summary>
    public static long Burn(int iterations)
    {
        long acc = 0;
        for (int i = 0; i < iterations; i++)
        {
            acc = (acc * 31) + i;
        }

        return acc;
    }

    /// <summary>Reads counter for the endless input.</summary>
    public sealed class Counter
    {
        public int Count { get; set; }
    }
}

/// <summary>An exception with a field that cannot cross a process (a pointer): the pool rebuilds it by type and message.</summary>
public sealed class UnsendableException(string message) : Exception(message)
{
    public IntPtr Handle { get; } = new(1);
}

/// <summary>Records the progress reports it gets, as they arrive.</summary>
public sealed class ProgressLog : IProgress<PoolProgress>
{
    private readonly List<PoolProgress> _reports = [];

    public List<PoolProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(PoolProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
}

/// <summary>
/// Funcs over cross-process handles, built in their own scope: a lambda written in a test method shares its closure
/// with every other lambda of that method, so one that also mentions the pool would try to send the pool along.
/// </summary>
public static class PoolFuncs
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    public static Func<bool> ReportPidThenWait(mp.Queue<int> pids, mp.Event gate) => () =>
    {
        pids.Put(Environment.ProcessId);
        return gate.Wait(Long);
    };

    public static Func<int, int> ReportPidThenWaitItem(mp.Queue<int> pids, mp.Event gate) => x =>
    {
        pids.Put(Environment.ProcessId);
        return gate.Wait(Long) ? x : -x;
    };

    public static Func<bool> SignalThenWait(mp.Event started, mp.Event gate) => () =>
    {
        started.Set();
        return gate.Wait(Long);
    };

    public static Func<int, int> WaitThen(mp.Event gate) => x => gate.Wait(Long) ? x : -1;

    public static Func<int> ExitOnFirstTry(string marker) => () =>
    {
        if (!File.Exists(marker))
        {
            File.WriteAllText(marker, "first try");
            mp.Process.Exit(1);
        }

        return 7;
    };

    public static Func<long> StreamLength(Stream stream) => () => stream.Length;

    public static Func<int, long> PlusStreamLength(Stream stream) => x => x + stream.Length;

    public static Action WriteFile(string path, string text) => () => File.WriteAllText(path, text);

    public static Func<int> SleepWriteFile(string path) => () =>
    {
        Thread.Sleep(200);
        File.WriteAllText(path, "done");
        return 5;
    };
}
