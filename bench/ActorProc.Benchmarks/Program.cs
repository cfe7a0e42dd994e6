using System.Globalization;
using ActorProc.Benchmarks.Macro;
using BenchmarkDotNet.Running;

// Usage:
//   dotnet run -c Release --project bench/ActorProc.Benchmarks -- macro [scenario]   macro figures, one "name value unit" line each
//   dotnet run -c Release --project bench/ActorProc.Benchmarks -- micro [BenchmarkDotNet args]
var mode = args.Length > 0 ? args[0] : "macro";
if (mode == "remote-host")
{
    return RemoteHost.Run();
}

if (mode == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
    return 0;
}

if (mode != "macro")
{
    Console.Error.WriteLine($"Unknown mode '{mode}': use 'macro [pingpong|ask|remote-pingpong|remote-roundtrip|idle-actor-memory|process-start|process-memory|queue|pipe|sync|shared-value|pool|pool-start|pool-cpu|manager-dict-set]' or 'micro [BenchmarkDotNet arguments]'.");
    return 2;
}

var only = args.Length > 1 ? args[1] : null;
void Report(string name, double value, string unit) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:F2} {unit}"));

if (only is null or "pingpong")
{
    var best = Enumerable.Range(0, 3).Max(_ => PingPongScenario.Run(Environment.ProcessorCount, 5_000_000, 1000));
    Report("inproc-pingpong", best, "msg/s");
}

if (only is null or "ask")
{
    var best = Enumerable.Range(0, 3).Min(_ => AskScenario.RunAsync(200_000).GetAwaiter().GetResult());
    Report("ask-roundtrip", best, "us");
}

if (only is null or "remote-pingpong" or "remote-roundtrip")
{
    using var remote = new RemoteScenarios();
    if (only is null or "remote-pingpong")
    {
        Report("remote-pingpong", Enumerable.Range(0, 3).Max(_ => remote.PingPong(1_000_000, 1000)), "msg/s");
    }

    if (only is null or "remote-roundtrip")
    {
        Report("remote-roundtrip", Enumerable.Range(0, 3).Min(_ => remote.RoundTripAsync(20_000).GetAwaiter().GetResult()), "us");
    }
}

if (only is null or "idle-actor-memory")
{
    Report("idle-actor-memory", IdleActorMemoryScenario.Run(100_000), "bytes");
}

if (only is null or "process-start")
{
    Report("process-start-join-cold", ProcessScenarios.ColdStartJoin(15), "ms");
    Report("process-start-join-warm", ProcessScenarios.WarmStartJoin(15), "ms");
}

if (only is null or "queue")
{
    Report("queue-oneway", Enumerable.Range(0, 3).Max(_ => QueueScenarios.OneWay(200_000)), "items/s");
    Report("queue-oneway-remote-owner", Enumerable.Range(0, 3).Max(_ => QueueScenarios.OneWayRemoteOwner(200_000)), "items/s");
    Report("queue-oneway-bounded", Enumerable.Range(0, 3).Max(_ => QueueScenarios.OneWay(200_000, maxsize: 1000)), "items/s");
}

if (only is null or "pipe")
{
    Report("pipe-roundtrip", PipeScenarios.RoundTrip(), "us");
}

if (only is null or "sync")
{
    Report("lock-uncontended", Enumerable.Range(0, 3).Min(_ => SyncScenarios.UncontendedLockNs(1_000_000)), "ns");
    Report("semaphore-handoff", Enumerable.Range(0, 3).Min(_ => SyncScenarios.SemaphoreHandOffUs(5_000)), "us");
    Report("event-set-to-wake", Enumerable.Range(0, 3).Min(_ => SyncScenarios.EventSetToWakeUs(2_000)), "us");
}

if (only is null or "shared-value")
{
    var shared = SharedScenarios.Run(10_000_000);
    Report("shared-value-read", shared.Read, "ns");
    Report("shared-value-write", shared.Write, "ns");
    Report("shared-value-read-child", shared.ChildRead, "ns");
    Report("shared-value-write-child", shared.ChildWrite, "ns");
    Report("shared-value-read-nolock", shared.NoLockRead, "ns");
    Report("shared-value-write-nolock", shared.NoLockWrite, "ns");
}

if (only is null or "pool")
{
    Report("pool-apply", PoolScenarios.Apply(), "us");
    Report("pool-map", PoolScenarios.Map(null), "items/s");
    Report("pool-map-chunk1", PoolScenarios.Map(1), "items/s");
    Report("executor-submit", PoolScenarios.ExecutorSubmit(), "items/s");
}

if (only is null or "pool" or "pool-start")
{
    Report("pool-start", PoolScenarios.Start(spare: true), "ms");
    Report("pool-start-cold", PoolScenarios.Start(spare: false), "ms");
    Report("pool-lifecycle", PoolScenarios.Start(spare: true, whole: true), "ms");
}

if (only is null or "pool" or "pool-cpu")
{
    Report("pool-cpu-speedup", PoolScenarios.CpuSpeedup(), "x");
}

if (only is null or "manager-dict-set")
{
    Report("manager-dict-set", ManagerScenarios.DictSetUs(20_000), "us");
}

if (only is null or "process-memory")
{
    var (rss, pss) = ProcessScenarios.IdleChildMemory();
    Report("process-idle-rss", rss, "MB");
    Report("process-idle-pss", pss, "MB");
}

return 0;

/// <summary>Entry point type (named for BenchmarkSwitcher).</summary>
public partial class Program
{
}
