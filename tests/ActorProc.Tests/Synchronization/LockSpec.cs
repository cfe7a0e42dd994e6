using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Synchronization;

[Collection(SyncCollection.Name)]
public sealed class LockSpec : SyncSpecBase
{
    [Fact]
    public void Acquire_and_release_in_the_creating_process()
    {
        var l = new mp.Lock();

        Assert.True(l.Acquire());
        Assert.False(l.Acquire(TimeSpan.Zero));
        Assert.False(l.Acquire(TimeSpan.FromMilliseconds(50)));
        l.Release();
        Assert.True(l.Acquire(TimeSpan.Zero));
        l.Release();

        Assert.Throws<SynchronizationLockException>(l.Release);
        Assert.Throws<ArgumentOutOfRangeException>(() => l.Acquire(TimeSpan.FromSeconds(-2)));
    }

    [Fact]
    public void Hold_releases_on_dispose_once()
    {
        var l = new mp.Lock();
        var hold = l.Hold();
        Assert.False(l.Acquire(TimeSpan.Zero));
        hold.Dispose();
        hold.Dispose();
        Assert.True(l.Acquire(TimeSpan.Zero));
        l.Release();
    }

    [Fact]
    public async Task Another_thread_of_the_process_waits_and_may_release_a_plain_lock()
    {
        var l = new mp.Lock();
        l.Acquire();
        var waiter = Task.Run(() => l.Acquire(Long));
        await Task.Delay(Short);
        Assert.False(waiter.IsCompleted);

        l.Release();

        Assert.True(await waiter.WaitAsync(Long));
        await Task.Run(l.Release).WaitAsync(Long);
        Assert.True(l.Acquire(TimeSpan.Zero));
    }

    [Fact]
    public void A_child_waits_for_the_lock_the_parent_holds_and_gets_it_on_release()
    {
        var file = Files["child"];
        var l = new mp.Lock();
        l.Acquire();
        var p = Start(() =>
        {
            bool zero = l.Acquire(TimeSpan.Zero);
            bool shortWait = l.Acquire(TimeSpan.FromMilliseconds(100));
            TempFiles.Write(file + ".1", $"{zero},{shortWait}");
            bool got = l.Acquire();
            l.Release();
            TempFiles.Write(file, $"{got}|{ThrownBy(l.Release)}");
        });

        Assert.Equal("False,False", TempFiles.WaitForText(file + ".1"));
        Thread.Sleep(Short);
        Assert.False(File.Exists(file));

        l.Release();

        JoinOk(p);
        Assert.Equal("True|SynchronizationLockException", TempFiles.WaitForText(file));
        Assert.True(l.Acquire(TimeSpan.Zero));
    }

    [Fact]
    public void The_parent_waits_for_a_lock_a_child_holds()
    {
        var held = Files["held"];
        var go = Files["go"];
        var l = new mp.Lock();
        var p = Start(() =>
        {
            l.Acquire();
            TempFiles.Write(held, "yes");
            TempFiles.WaitForText(go);
            l.Release();
        });
        TempFiles.WaitForText(held);
        Assert.False(l.Acquire(TimeSpan.Zero));
        Assert.False(l.Acquire(TimeSpan.FromMilliseconds(100)));

        TempFiles.Write(go, "go");

        Assert.True(Within(() => l.Acquire(Long)));
        JoinOk(p);
    }

    [Fact]
    public async Task AcquireAsync_takes_a_free_lock_and_is_cancelled_while_it_waits()
    {
        var l = new mp.Lock();
        Assert.True(await l.AcquireAsync());
        Assert.False(await l.AcquireAsync(TimeSpan.FromMilliseconds(50)));

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => l.AcquireAsync(cts.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => l.AcquireAsync(new CancellationToken(true)).AsTask());

        // The cancelled waiter is gone: a release frees the lock for the next caller.
        l.Release();
        Assert.True(await l.AcquireAsync(TimeSpan.Zero));
    }

    [Fact]
    public void AcquireAsync_in_a_child_is_cancelled_and_leaves_no_waiter_behind()
    {
        var file = Files["async"];
        var l = new mp.Lock();
        l.Acquire();
        var p = Start(() =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            string cancelled = ThrownBy(() => l.AcquireAsync(cts.Token).AsTask().GetAwaiter().GetResult());
            bool timedOut = l.AcquireAsync(TimeSpan.FromMilliseconds(50)).AsTask().GetAwaiter().GetResult();
            TempFiles.Write(file, $"{cancelled}|{timedOut}");
        });

        JoinOk(p);
        Assert.Equal("TaskCanceledException|False", TempFiles.WaitForText(file).Replace("OperationCanceledException", "TaskCanceledException"));
        l.Release();
        Assert.True(l.Acquire(TimeSpan.Zero));
    }

    [Fact]
    public async Task A_handle_that_comes_back_to_the_creating_process_is_the_same_lock()
    {
        var l = new mp.Lock();
        var (inbox, received) = Inbox();
        var p = Start(() => inbox.Tell(l, null));
        var back = (mp.Lock)await received.WaitAsync(Long);
        await p.JoinAsync().WaitAsync(Long);

        Assert.NotSame(l, back);
        Assert.True(l.Acquire(TimeSpan.Zero));
        Assert.False(back.Acquire(TimeSpan.Zero));
        back.Release();
        Assert.True(back.Acquire(TimeSpan.Zero));
        Assert.False(l.Acquire(TimeSpan.Zero));
        l.Release();
    }

    [Fact]
    public void Four_processes_increment_a_shared_counter_exactly_under_the_lock()
    {
        var counter = Files["counter"];
        File.WriteAllText(counter, "0");
        var l = new mp.Lock();
        var children = new List<mp.Process>();
        for (int n = 0; n < 4; n++)
        {
            children.Add(Start(() =>
            {
                for (int i = 0; i < 200; i++)
                {
                    using (l.Hold())
                    {
                        int value = int.Parse(File.ReadAllText(counter));
                        File.WriteAllText(counter, (value + 1).ToString());
                    }
                }
            }));
        }

        foreach (var p in children)
        {
            JoinOk(p);
        }

        Assert.Equal("800", File.ReadAllText(counter));
        Assert.True(l.Acquire(TimeSpan.Zero));
    }
}
