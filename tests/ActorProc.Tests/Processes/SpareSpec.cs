using ActorProc.Multiprocessing.Runtime;
using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Processes;

/// <summary>
/// Spare children: the runtime keeps one started child ready and starts another when it is taken. The spare pool is
/// process-wide, so these tests run alone: a test in another collection starting a process would take the spare
/// they count.
/// </summary>
[Collection(SpareCollection.Name)]
public sealed class SpareSpec : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void A_spare_child_serves_the_next_start()
    {
        var warmup = new mp.Process(static () => { });
        warmup.Start();
        warmup.Join(Long);
        Assert.Equal(1, ProcessRuntime.Get().Settings.Spares);
        WaitForSpare();
        var file = _files["spare"];
        var p = new mp.Process(() => TempFiles.Write(file, Environment.ProcessId.ToString()));

        p.Start();

        Assert.True(p.Join(Long));
        Assert.Equal(0, p.ExitCode);
        Assert.Equal(p.Pid.ToString(), TempFiles.WaitForText(file));
    }

    [Fact]
    public void A_spare_is_started_again_while_the_child_that_took_the_last_one_still_runs()
    {
        var runtime = ProcessRuntime.Get();
        var release = new mp.Event();
        var p = new mp.Process(() => release.Wait());
        p.Start();
        try
        {
            // The refill waits for the child to end or for spare-refill-delay (100 ms), whichever comes first.
            WaitForSpare();
            Assert.Equal(TimeSpan.FromMilliseconds(100), runtime.Settings.SpareRefillDelay);
            Assert.True(p.IsAlive);
        }
        finally
        {
            release.Set();
            Assert.True(p.Join(Long));
        }

        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public void A_pool_whose_spare_served_worker_is_not_ready_still_starts_its_other_workers()
    {
        // With a spare ready, the workers that need a fresh OS process wait for the first worker, but only for a
        // moment: here no worker gets ready (each initializer waits for the gate), and both must still start.
        WaitForSpare();
        var pids = new mp.Queue<int>();
        var gate = new mp.Event();
        using var pool = new mp.Pool(2, initializer: () =>
        {
            pids.Put(Environment.ProcessId);
            gate.Wait();
        });

        int first = pids.Get(timeout: Long);
        int second = pids.Get(timeout: Long);
        gate.Set();

        Assert.NotEqual(first, second);
        Assert.Equal(2, Enumerable.Range(0, 40).Select(_ => pool.Apply(() => Environment.ProcessId)).Append(first).Append(second).Distinct().Count());
    }

    [Fact]
    public void A_spare_loads_the_assemblies_of_code_sent_to_children_while_it_waits()
    {
        var runtime = ProcessRuntime.Get();
        var warmup = new mp.Process(static () => { });
        warmup.Start();
        Assert.True(warmup.Join(Long));
        Assert.Contains("ActorProc.Tests", runtime.CodeAssemblies.Names);
        WaitForSpare();
        int spare = Assert.Single(runtime.Spares.Pids);

        // Before any target reaches it, the spare has mapped this test assembly (it loads it while it waits).
        var deadline = DateTime.UtcNow + Long;
        bool mapped;
        while (!(mapped = File.ReadAllText($"/proc/{spare}/maps").Contains("/ActorProc.Tests.dll", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        Assert.True(mapped);
        using var pool = new mp.Pool(1);
        Assert.Equal(spare, pool.Apply(static () => Environment.ProcessId));
    }

    private static void WaitForSpare()
    {
        var runtime = ProcessRuntime.Get();
        var deadline = DateTime.UtcNow + Long;
        while (runtime.Spares.Count == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        Assert.Equal(1, runtime.Spares.Servable);
    }
}
