using ActorProc.Multiprocessing;
using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Pools;

/// <summary>Workers that die mid-task: only their task fails (or is retried), the pool replaces them and keeps serving.</summary>
public sealed class PoolFaultSpec : ChildProcessSpec
{
    [Fact]
    public void A_worker_killed_mid_task_fails_only_that_task_and_its_queued_tasks_run_on_the_replacement()
    {
        using var pool = new Pool(1);
        // Tiny tasks first: the pool then sends several tasks ahead to its worker.
        Assert.Equal(200, pool.Map(PoolTasks.Double, Enumerable.Range(0, 200), chunksize: 1).Count);
        var pids = new mp.Queue<int>();
        var never = new mp.Event();
        var victim = pool.ApplyAsync(PoolFuncs.ReportPidThenWait(pids, never));
        // Sent to the same worker behind the victim, not started yet when it dies.
        var queued = pool.ApplyAsync(() => Environment.ProcessId);
        int pid = pids.Get(Long);

        OsProcesses.Kill(pid);

        var crash = Assert.Throws<WorkerCrashedException>(() => victim.Get(Long));
        Assert.Equal(-9, crash.ExitCode);
        int replacement = queued.Get(Long);
        Assert.NotEqual(pid, replacement);
        Assert.Equal(42, pool.Apply(() => 42));
    }

    [Fact]
    public void Process_Exit_in_a_task_fails_it_with_the_exit_code_and_the_pool_keeps_serving()
    {
        using var pool = new Pool(2);
        var crash = Assert.Throws<WorkerCrashedException>(() => pool.Apply<int>(() =>
        {
            mp.Process.Exit(3);
            return 0;
        }));
        Assert.Equal(3, crash.ExitCode);

        var results = pool.ImapUnordered(x => x == 5 ? PoolTasks.Fail(x) : x, Enumerable.Range(0, 10)).GetEnumerator();
        var ok = new List<int>();
        int failures = 0;
        while (true)
        {
            try
            {
                if (!results.MoveNext())
                {
                    break;
                }

                ok.Add(results.Current);
            }
            catch (InvalidOperationException)
            {
                failures++;
            }
        }

        Assert.Equal(1, failures);
        Assert.Equal(Enumerable.Range(0, 10).Where(x => x != 5), ok.Order());
        Assert.Equal(Enumerable.Range(0, 100).Select(PoolTasks.Double), pool.Map(PoolTasks.Double, Enumerable.Range(0, 100)));
    }

    [Fact]
    public void A_crashing_item_of_a_map_fails_the_map_with_WorkerCrashedException_and_the_other_items_of_an_imap_succeed()
    {
        using var pool = new Pool(2);
        Assert.Throws<WorkerCrashedException>(() => pool.Map(x => x == 4 ? Crash(x) : x, Enumerable.Range(0, 8), chunksize: 1));

        var outcomes = new List<string>();
        using var results = pool.Imap(x => x == 2 ? Crash(x) : x, Enumerable.Range(0, 5)).GetEnumerator();
        for (int i = 0; i < 5; i++)
        {
            try
            {
                Assert.True(results.MoveNext());
                outcomes.Add(results.Current.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (WorkerCrashedException e)
            {
                outcomes.Add("crash " + e.ExitCode);
            }
        }

        Assert.Equal(["0", "1", "crash 7", "3", "4"], outcomes);
    }

    [Fact]
    public void With_maxTaskRetries_a_task_whose_worker_died_runs_again_on_another_worker()
    {
        using var pool = new Pool(2, maxTaskRetries: 1);
        string marker = Files["retry-marker"];

        int result = pool.Apply(PoolFuncs.ExitOnFirstTry(marker));
        Assert.Equal(7, result);

        var crash = Assert.Throws<WorkerCrashedException>(() => pool.Apply(() => Crash(0)));
        Assert.Equal(7, crash.ExitCode);
        Assert.Contains("tried 2 times", crash.Message, StringComparison.Ordinal);
        Assert.Equal(1, pool.Apply(() => 1));
    }

    [Fact]
    public void An_initializer_that_throws_fails_the_waiting_tasks_with_its_exception()
    {
        using var pool = new Pool(1, initializer: () => throw new NotSupportedException("no init here"));
        var error = Assert.Throws<NotSupportedException>(() => pool.Apply(() => 1));
        Assert.Equal("no init here", error.Message);
        Assert.IsType<RemoteTraceException>(error.InnerException);
    }

    private static int Crash(int x)
    {
        mp.Process.Exit(7);
        return x;
    }
}
