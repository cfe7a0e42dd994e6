using ActorProc.Multiprocessing;
using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Pools;

/// <summary>Pools of their own: construction, initializer, worker recycling, Close/Join/Terminate/Dispose.</summary>
public sealed class PoolLifecycleSpec : ChildProcessSpec
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_pool_needs_at_least_one_process(int processes)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Pool(processes));
        Assert.Equal("processes", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Pool(1, maxTasksPerChild: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Pool(1, maxTaskRetries: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProcessPoolExecutor(processes));
    }

    [Fact]
    public void An_initializer_that_cannot_cross_a_process_fails_in_the_constructor()
    {
        using var stream = new MemoryStream();
        var error = Assert.Throws<ArgumentException>(() => new Pool(1, initializer: () => stream.WriteByte(1)));
        Assert.Equal("initializer", error.ParamName);
    }

    [Fact]
    public void The_initializer_runs_in_every_worker_and_workers_are_replaced_after_maxTasksPerChild()
    {
        using var pool = new Pool(1, initializer: () => PoolTasks.Initialized = "ready in " + Environment.ProcessId, maxTasksPerChild: 2);

        var seen = Enumerable.Range(0, 6).Select(_ => pool.Apply(() => (Environment.ProcessId, PoolTasks.Initialized))).ToList();

        Assert.All(seen, s => Assert.Equal("ready in " + s.ProcessId, s.Initialized));
        Assert.Equal(3, seen.Select(s => s.ProcessId).Distinct().Count());
        Assert.Equal([2, 2, 2], seen.GroupBy(s => s.ProcessId).Select(g => g.Count()));
    }

    [Fact]
    public void Close_finishes_the_submitted_work_then_Join_returns_and_new_work_is_refused()
    {
        var pool = new Pool(2);
        Assert.Throws<InvalidOperationException>(pool.Join);
        var pending = pool.MapAsync(PoolTasks.Double, Enumerable.Range(0, 20), chunksize: 1);
        var pids = Enumerable.Range(0, 4).Select(_ => pool.Apply(() => Environment.ProcessId)).Distinct().ToList();

        pool.Close();
        Assert.Throws<InvalidOperationException>(() => pool.Apply(() => 1));
        Assert.Throws<InvalidOperationException>(() => pool.ApplyAsync(() => 1));
        Assert.Throws<InvalidOperationException>(() => pool.Map(PoolTasks.Double, [1]));
        Assert.Throws<InvalidOperationException>(() => pool.Imap(PoolTasks.Double, [1]));
        pool.Join();

        Assert.Equal(Enumerable.Range(0, 20).Select(PoolTasks.Double), pending.Get(TimeSpan.Zero));
        Assert.All(pids, pid => Assert.True(OsProcesses.WaitUntilGone(pid, Long)));
        pool.Dispose();
    }

    [Fact]
    public void Terminate_stops_busy_workers_cancels_pending_results_and_Join_returns()
    {
        var pool = new Pool(2);
        var pids = new mp.Queue<int>();
        var never = new mp.Event();
        var busy = pool.MapAsync(PoolFuncs.ReportPidThenWaitItem(pids, never), Enumerable.Range(0, 10), chunksize: 1);
        var queued = pool.ApplyAsync(() => 1);
        var running = new[] { pids.Get(Long), pids.Get(Long) };

        pool.Terminate();
        pool.Join();

        Assert.True(busy.Ready);
        Assert.ThrowsAny<OperationCanceledException>(() => busy.Get(TimeSpan.Zero));
        Assert.ThrowsAny<OperationCanceledException>(() => queued.Get(TimeSpan.Zero));
        Assert.All(running, pid => Assert.True(OsProcesses.WaitUntilGone(pid, Long)));
        Assert.Throws<InvalidOperationException>(() => pool.Apply(() => 1));
        pool.Dispose();
    }

    [Fact]
    public void Dispose_terminates_the_pool()
    {
        int pid;
        using (var pool = new Pool(1))
        {
            pid = pool.Apply(() => Environment.ProcessId);
        }

        Assert.True(OsProcesses.WaitUntilGone(pid, Long));
    }
}
