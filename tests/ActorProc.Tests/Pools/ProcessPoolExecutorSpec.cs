using ActorProc.Multiprocessing;
using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Pools;

/// <summary>ProcessPoolExecutor: futures, map, shutdown, disposal, and a crash that does not break the executor.</summary>
public sealed class ProcessPoolExecutorSpec : ChildProcessSpec
{
    [Fact]
    public async Task Submit_returns_futures_for_funcs_and_actions_and_map_keeps_order()
    {
        await using var executor = new ProcessPoolExecutor(2);
        string marker = Files["action-ran"];

        var square = executor.Submit(() => 12 * 12);
        var action = executor.Submit(PoolFuncs.WriteFile(marker, "ran"));
        Assert.Equal(144, await square);
        await action;
        Assert.Equal("ran", File.ReadAllText(marker));

        Assert.Equal(Enumerable.Range(0, 50).Select(PoolTasks.Double), executor.Map(PoolTasks.Double, Enumerable.Range(0, 50)).ToList());
        Assert.Equal(Enumerable.Range(0, 50).Select(PoolTasks.Double), executor.Map(PoolTasks.Double, Enumerable.Range(0, 50), chunksize: 8).ToList());

        var failed = executor.Submit<int>(() => throw new ArithmeticException("overflowed"));
        var error = await Assert.ThrowsAsync<ArithmeticException>(() => failed);
        Assert.IsType<RemoteTraceException>(error.InnerException);
    }

    [Fact]
    public void Map_throws_TimeoutException_when_a_result_is_late_and_a_failed_item_at_its_place()
    {
        using var executor = new ProcessPoolExecutor(2);
        var gate = new mp.Event();
        using (var late = executor.Map(PoolFuncs.WaitThen(gate), [1, 2], TimeSpan.FromMilliseconds(100)).GetEnumerator())
        {
            Assert.Throws<TimeoutException>(() => late.MoveNext());
        }

        gate.Set();
        using var results = executor.Map(x => PoolTasks.FailOn(x, 1), [0, 1, 2]).GetEnumerator();
        Assert.True(results.MoveNext());
        Assert.Throws<FormatException>(() => results.MoveNext());
    }

    [Fact]
    public void After_Shutdown_Submit_throws_and_cancelFutures_cancels_what_no_worker_started()
    {
        var executor = new ProcessPoolExecutor(1);
        var gate = new mp.Event();
        var started = new mp.Event();
        var running = executor.Submit(PoolFuncs.SignalThenWait(started, gate));
        Assert.True(started.Wait(Long));
        // The single worker is busy with a long task: the new ones wait in the executor.
        var waiting = Enumerable.Range(0, 10).Select(i => executor.Submit(() => i)).ToList();

        executor.Shutdown(wait: false, cancelFutures: true);
        Assert.Throws<InvalidOperationException>(() => { _ = executor.Submit(() => 1); });
        Assert.Throws<InvalidOperationException>(() => { _ = executor.Submit(() => { }); });
        gate.Set();
        executor.Shutdown(wait: true);

        Assert.True(running.Result);
        Assert.Contains(waiting, t => t.IsCanceled);
        Assert.All(waiting, t => Assert.True(t.IsCompletedSuccessfully || t.IsCanceled));
    }

    [Fact]
    public void A_using_block_waits_for_the_submitted_work()
    {
        Task<int> slow;
        string marker = Files["done"];
        using (var executor = new ProcessPoolExecutor(2))
        {
            slow = executor.Submit(PoolFuncs.SleepWriteFile(marker));
        }

        Assert.True(slow.IsCompletedSuccessfully);
        Assert.Equal(5, slow.Result);
        Assert.Equal("done", File.ReadAllText(marker));
    }

    [Fact]
    public async Task A_future_whose_worker_was_killed_fails_and_the_executor_keeps_serving()
    {
        await using var executor = new ProcessPoolExecutor(2);
        var pids = new mp.Queue<int>();
        var never = new mp.Event();
        var victim = executor.Submit(PoolFuncs.ReportPidThenWait(pids, never));
        OsProcesses.Kill(pids.Get(Long));

        var crash = await Assert.ThrowsAsync<WorkerCrashedException>(() => victim);
        Assert.Equal(-9, crash.ExitCode);
        var more = Enumerable.Range(0, 20).Select(i => executor.Submit(() => i * 3)).ToList();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i * 3), await Task.WhenAll(more));
    }
}
