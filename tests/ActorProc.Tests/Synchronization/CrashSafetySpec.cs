using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Synchronization;

/// <summary>What a dead process held is given back; a barrier whose waiting party died breaks.</summary>
[Collection(SyncCollection.Name)]
public sealed class CrashSafetySpec : SyncSpecBase
{
    [Fact]
    public async Task A_lock_held_by_a_killed_child_is_released_and_the_waiting_parent_acquires_it()
    {
        var held = Files["held"];
        var l = new mp.Lock();
        var holder = Start(() =>
        {
            l.Acquire();
            TempFiles.Write(held, "yes");
            Thread.Sleep(Timeout.Infinite);
        });
        TempFiles.WaitForText(held);
        var waiter = Background(() => l.Acquire(Long));
        await Task.Delay(Short);
        Assert.False(waiter.IsCompleted);

        KillAndJoin(holder);

        Assert.True(await waiter.WaitAsync(Long));
    }

    [Fact]
    public void A_lock_held_by_a_killed_child_goes_to_a_child_waiting_for_it()
    {
        var held = Files["held"];
        var got = Files["got"];
        var l = new mp.Lock();
        var holder = Start(() =>
        {
            l.Acquire();
            TempFiles.Write(held, "yes");
            Thread.Sleep(Timeout.Infinite);
        });
        TempFiles.WaitForText(held);
        var waiter = Start(() =>
        {
            TempFiles.Write(got, l.Acquire(Long).ToString());
            l.Release();
        });
        Thread.Sleep(Short);
        Assert.False(File.Exists(got));

        KillAndJoin(holder);

        JoinOk(waiter);
        Assert.Equal("True", TempFiles.WaitForText(got));
        Assert.True(l.Acquire(TimeSpan.Zero));
    }

    [Fact]
    public void An_rlock_a_killed_child_held_twice_is_released()
    {
        var held = Files["held"];
        var l = new mp.RLock();
        var holder = Start(() =>
        {
            l.Acquire();
            l.Acquire();
            TempFiles.Write(held, "yes");
            Thread.Sleep(Timeout.Infinite);
        });
        TempFiles.WaitForText(held);
        Assert.False(l.Acquire(TimeSpan.Zero));

        KillAndJoin(holder);

        Assert.True(l.Acquire(Long));
        l.Release();
        Assert.Throws<SynchronizationLockException>(l.Release);
    }

    [Fact]
    public async Task Semaphore_permits_of_a_killed_child_are_given_back_and_a_waiter_proceeds()
    {
        var held = Files["held"];
        var s = new mp.Semaphore(2);
        var holder = Start(() =>
        {
            s.Acquire();
            s.Acquire();
            TempFiles.Write(held, "yes");
            Thread.Sleep(Timeout.Infinite);
        });
        TempFiles.WaitForText(held);
        Assert.Equal(0, s.Value);
        var waiter = Background(() => s.Acquire(Long));
        await Task.Delay(Short);
        Assert.False(waiter.IsCompleted);

        KillAndJoin(holder);

        Assert.True(await waiter.WaitAsync(Long));
        Assert.True(Eventually(() => s.Value == 1, Long));
    }

    [Fact]
    public void A_dead_consumer_of_a_signal_semaphore_leaves_no_phantom_permit()
    {
        var took = Files["took"];
        var s = new mp.Semaphore(0);
        var consumer = Start(() =>
        {
            s.Acquire();
            TempFiles.Write(took, "yes");
            Thread.Sleep(Timeout.Infinite);
        });
        s.Release();
        TempFiles.WaitForText(took);

        KillAndJoin(consumer);

        Thread.Sleep(Short);
        Assert.Equal(0, s.Value);
    }

    [Fact]
    public void The_lock_of_a_condition_held_by_a_killed_child_is_released_and_its_waiters_are_forgotten()
    {
        var held = Files["held"];
        var waiting = Files["waiting"];
        var woke = Files["woke"];
        var c = new mp.Condition();

        // A child that waits on the condition and is killed: a later Notify(1) must go to the live waiter.
        var deadWaiter = Start(() =>
        {
            c.Acquire();
            TempFiles.Write(waiting, "yes");
            c.Wait();
        });
        TempFiles.WaitForText(waiting);
        using (c.Hold())
        {
        }

        KillAndJoin(deadWaiter);

        var liveWaiter = Start(() =>
        {
            c.Acquire();
            TempFiles.Write(waiting + ".2", "yes");
            TempFiles.Write(woke, c.Wait(Long).ToString());
            c.Release();
        });
        TempFiles.WaitForText(waiting + ".2");
        Thread.Sleep(Short);
        using (c.Hold())
        {
            c.Notify(1);
        }

        JoinOk(liveWaiter);
        Assert.Equal("True", TempFiles.WaitForText(woke));

        // A child killed while it holds the condition's lock.
        var holder = Start(() =>
        {
            c.Acquire();
            TempFiles.Write(held, "yes");
            Thread.Sleep(Timeout.Infinite);
        });
        TempFiles.WaitForText(held);
        Assert.False(c.Acquire(TimeSpan.Zero));

        KillAndJoin(holder);

        Assert.True(c.Acquire(Long));
        c.Release();
    }

    [Fact]
    public async Task A_barrier_breaks_when_a_waiting_party_is_killed()
    {
        var b = new mp.Barrier(3);
        var party = Start(() =>
        {
            b.Wait();
        });
        Assert.True(Eventually(() => b.NWaiting == 1, Long));
        var mine = Background(() => ThrownBy(() => b.Wait()));
        Assert.True(Eventually(() => b.NWaiting == 2, Long));

        KillAndJoin(party);

        Assert.Equal("BrokenBarrierException", await mine.WaitAsync(Long));
        Assert.True(b.IsBroken);
    }

    [Fact]
    public async Task Handles_of_objects_a_killed_process_owned_fail_fast_with_OwnerProcessGoneException()
    {
        var held = Files["held"];
        var (inbox, received) = Inbox();
        var owner = Start(() =>
        {
            var l = new mp.Lock();
            var e = new mp.Event();
            var s = new mp.Semaphore(0);
            var b = new mp.Barrier(2);
            l.Acquire();
            inbox.Tell(new object[] { l, e, s, b, new mp.Condition(l) }, null);
            Thread.Sleep(Timeout.Infinite);
        });
        var handles = (object[])await received.WaitAsync(Long);
        var l = (mp.Lock)handles[0];
        var e = (mp.Event)handles[1];
        var s = (mp.Semaphore)handles[2];
        var b = (mp.Barrier)handles[3];
        var c = (mp.Condition)handles[4];

        // The handles work here, in another process than their owner's.
        Assert.False(l.Acquire(TimeSpan.Zero));
        Assert.False(e.IsSet);
        e.Set();
        Assert.True(e.Wait(TimeSpan.Zero));
        Assert.Equal(0, s.Value);
        Assert.Equal(0, b.NWaiting);

        // Calls waiting when the owner dies fail too: by message, and asleep on the shared memory.
        var waitingLock = Task.Run(() => l.Acquire());
        var waitingSemaphore = s.AcquireAsync().AsTask();
        var sleepingSemaphore = Task.Run(() => s.Acquire());
        e.Clear();
        var sleepingEvent = Task.Run(() => e.Wait());
        await Task.Delay(Short);
        KillAndJoin(owner);

        await Assert.ThrowsAsync<mp.OwnerProcessGoneException>(() => waitingLock.WaitAsync(Long));
        await Assert.ThrowsAsync<mp.OwnerProcessGoneException>(() => waitingSemaphore.WaitAsync(Long));
        await Assert.ThrowsAsync<mp.OwnerProcessGoneException>(() => sleepingSemaphore.WaitAsync(Long));
        await Assert.ThrowsAsync<mp.OwnerProcessGoneException>(() => sleepingEvent.WaitAsync(Long));
        Assert.Throws<mp.OwnerProcessGoneException>(() => l.Acquire());
        Assert.Throws<mp.OwnerProcessGoneException>(l.Release);
        Assert.Throws<mp.OwnerProcessGoneException>(() => e.Wait());
        Assert.Throws<mp.OwnerProcessGoneException>(e.Set);
        Assert.Throws<mp.OwnerProcessGoneException>(() => s.Acquire());
        Assert.Throws<mp.OwnerProcessGoneException>(() => b.Wait());
        Assert.Throws<mp.OwnerProcessGoneException>(() => c.Acquire());
    }
}
