using System.Diagnostics;
using System.Runtime.InteropServices;
using ActorProc.Actors;
using ActorProc.Configuration;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Multiprocessing.Shared;
using ActorProc.Multiprocessing.Synchronization;
using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Synchronization;

/// <summary>Semaphores and events in shared memory: used directly on one host, by message elsewhere, and crash-safe.</summary>
[Collection(SyncCollection.Name)]
public sealed class SharedSyncSpec : SyncSpecBase
{
    [Fact]
    public unsafe void A_semaphore_cell_taken_over_from_a_holder_that_died_mid_update_undoes_the_update()
    {
        int* words = (int*)NativeMemory.AllocZeroed((nuint)SemaphoreCell.Words, sizeof(int));
        try
        {
            SemaphoreCell.Initialize((nint)words, 2, bounded: false);
            var cell = new SemaphoreCell((nint)words);

            // A process died holding the lock, after journaling an acquire and taking the value down, before counting it.
            words[SemaphoreCell.LockWord] = DeadPid();
            words[SemaphoreCell.JournalValue] = 2;
            words[SemaphoreCell.JournalSlot] = -1;
            words[SemaphoreCell.JournalCount] = 0;
            words[SemaphoreCell.JournalActive] = 1;
            words[SemaphoreCell.ValueWord] = 1;

            Assert.True(cell.TryAcquire(0));

            Assert.Equal(1, cell.Value); // 2 restored by the journal, then one taken
            Assert.Equal(0, words[SemaphoreCell.JournalActive]);
            Assert.Equal(0, words[SemaphoreCell.LockWord]);
        }
        finally
        {
            NativeMemory.Free(words);
        }
    }

    [Fact]
    public unsafe void The_permits_a_dead_process_held_are_given_back_but_never_above_the_initial_value()
    {
        int* words = (int*)NativeMemory.AllocZeroed((nuint)SemaphoreCell.Words, sizeof(int));
        try
        {
            SemaphoreCell.Initialize((nint)words, 2, bounded: false);
            var cell = new SemaphoreCell((nint)words);
            const int dead = 4_000_001;
            Assert.True(cell.TryAcquire(dead));
            Assert.True(cell.TryAcquire(dead));
            Assert.False(cell.TryAcquire(7));
            Assert.Equal(SyncResult.True, cell.Release(0)); // another process gives one back for it

            cell.GiveBack(dead);
            Assert.Equal(2, cell.Value);

            cell.GiveBack(dead);
            Assert.Equal(2, cell.Value);
        }
        finally
        {
            NativeMemory.Free(words);
        }
    }

    [Fact]
    public void Fast_paths_complete_synchronously()
    {
        var s = new mp.Semaphore(1);
        var acquired = s.AcquireAsync();
        Assert.True(acquired.IsCompletedSuccessfully);
        Assert.True(acquired.Result);

        var e = new mp.Event();
        e.Set();
        Assert.True(e.WaitAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public void A_semaphore_works_by_message_from_a_process_that_cannot_map_it_and_its_permits_come_back_when_it_dies()
    {
        var s = new mp.BoundedSemaphore(2);
        var report = Files["report"];
        var child = Start(() =>
        {
            SharedSegments.MappingDisabled = true;
            s.Acquire();
            s.Acquire();
            string third = s.Acquire(TimeSpan.FromMilliseconds(50)) ? "took" : "timed out";
            TempFiles.Write(report, $"{s.Value}|{third}");
            Thread.Sleep(Timeout.Infinite);
        });

        Assert.Equal("0|timed out", TempFiles.WaitForText(report));
        Assert.Equal(0, s.Value);
        KillAndJoin(child);
        Assert.True(Eventually(() => s.Value == 2, Long));
        Assert.Throws<SemaphoreFullException>(s.Release);
    }

    [Fact]
    public async Task An_owner_waiting_asynchronously_is_served_by_a_release_and_a_set_made_directly_in_a_child()
    {
        var s = new mp.Semaphore(0);
        var e = new mp.Event();
        var permit = s.AcquireAsync(Long).AsTask();
        var set = e.WaitAsync(Long);
        Assert.False(permit.IsCompleted);
        Assert.False(set.IsCompleted);

        var child = Start(() =>
        {
            s.Release();
            e.Set();
        });

        Assert.True(await permit.WaitAsync(Long));
        Assert.True(await set.WaitAsync(Long));
        JoinOk(child);
        Assert.Equal(0, s.Value);
    }

    [Fact]
    public void A_set_wakes_a_waiter_in_another_process_even_when_the_flag_is_cleared_at_once()
    {
        var e = new mp.Event();
        var waiting = Files["waiting"];
        var report = Files["report"];
        var child = Start(() =>
        {
            TempFiles.Write(waiting, "yes");
            TempFiles.Write(report, e.Wait(Long).ToString());
        });

        TempFiles.WaitForText(waiting);
        Thread.Sleep(Short); // pacing: let the child go to sleep on the flag
        e.Set();
        e.Clear();

        Assert.Equal("True", TempFiles.WaitForText(report));
        JoinOk(child);
        Assert.False(e.IsSet);
    }

    [Fact]
    public void An_event_works_by_message_from_a_process_that_cannot_map_it()
    {
        var e = new mp.Event();
        var back = new mp.Event();
        var report = Files["report"];
        var child = Start(() =>
        {
            SharedSegments.MappingDisabled = true;
            bool before = e.IsSet;
            bool timedOut = !e.Wait(TimeSpan.FromMilliseconds(50));
            back.Set();
            bool woke = e.Wait(Long);
            e.Clear();
            TempFiles.Write(report, $"{before}|{timedOut}|{woke}|{e.IsSet}");
        });

        Assert.True(back.Wait(Long));
        e.Set();

        Assert.Equal("False|True|True|False", TempFiles.WaitForText(report));
        JoinOk(child);
        Assert.False(e.IsSet);
    }

    [Fact]
    public void A_semaphore_of_one_keeps_the_increments_of_four_processes_exact()
    {
        var s = new mp.Semaphore(1);
        var counter = new mp.SharedValue<int>(@lock: false);
        var workers = Enumerable.Range(0, 4).Select(_ => Start(IncrementUnder(s, counter, 2000))).ToList();

        workers.ForEach(JoinOk);

        Assert.Equal(8000, counter.Value);
        Assert.Equal(1, s.Value);
    }

    [Fact]
    public void Killing_one_of_several_processes_that_take_and_give_back_permits_in_a_loop_loses_no_permit()
    {
        var s = new mp.Semaphore(2);
        var stop = new mp.Event();
        var rounds = new mp.SharedArray<int>(3);
        var workers = Enumerable.Range(0, 3).Select(i => Start(Churn(s, stop, rounds, i))).ToList();
        Assert.True(Eventually(() => rounds[0] > 100 && rounds[1] > 100 && rounds[2] > 100, Long));

        KillAndJoin(workers[0]);
        int before = rounds[1] + rounds[2];
        Assert.True(Eventually(() => rounds[1] + rounds[2] > before + 200, Long), "the others stopped taking permits");
        stop.Set();

        JoinOk(workers[1]);
        JoinOk(workers[2]);
        Assert.True(Eventually(() => s.Value == 2, Long));
    }

    [Fact]
    public void The_spin_before_sleeping_is_read_from_actorproc_sync_spin_and_checked()
    {
        static ProcessSettings Read(string hocon) => ProcessSettings.FromConfig(Config.Parse(hocon).WithFallback(ReferenceConfig.Default));

        Assert.Equal(TimeSpan.FromMicroseconds(20), Read("").SyncSpin);
        Assert.Equal(TimeSpan.Zero, Read("actorproc.sync.spin = 0s").SyncSpin);
        Assert.Equal(TimeSpan.FromMicroseconds(50), Read("actorproc.sync.spin = 50us").SyncSpin);
        var e = Assert.Throws<ConfigException>(() => Read("actorproc.sync.spin = 2s"));
        Assert.Contains("actorproc.sync.spin", e.Message);
    }

    // Built apart from the test methods so that the children's closures capture only these arguments.
    private static Action IncrementUnder(mp.Semaphore s, mp.SharedValue<int> counter, int times) => () =>
    {
        for (int i = 0; i < times; i++)
        {
            s.Acquire();
            counter.Value = counter.Value + 1; // a read, then a write: only exact if the semaphore excludes the others
            s.Release();
        }
    };

    private static Action Churn(mp.Semaphore s, mp.Event stop, mp.SharedArray<int> rounds, int index) => () =>
    {
        while (!stop.IsSet)
        {
            if (s.Acquire(TimeSpan.FromMilliseconds(10)))
            {
                rounds[index] = rounds[index] + 1;
                s.Release();
            }
        }
    };

    // The pid of a process that has ended and been reaped.
    private static int DeadPid()
    {
        using var ended = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        ended.WaitForExit();
        return ended.Id;
    }
}
