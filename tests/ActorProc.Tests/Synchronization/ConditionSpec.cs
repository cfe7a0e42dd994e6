using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Synchronization;

[Collection(SyncCollection.Name)]
public sealed class ConditionSpec : SyncSpecBase
{
    [Fact]
    public void Wait_and_Notify_need_the_lock_held()
    {
        var c = new mp.Condition();
        Assert.Throws<SynchronizationLockException>(() => c.Wait(TimeSpan.Zero));
        Assert.Throws<SynchronizationLockException>(() => c.Notify());
        Assert.Throws<SynchronizationLockException>(c.NotifyAll);
        Assert.Throws<SynchronizationLockException>(c.Release);

        using (c.Hold())
        {
            Assert.Equal("SynchronizationLockException", Within(() => ThrownBy(() => c.Notify())));
            c.Notify();
            c.NotifyAll();
        }
    }

    [Fact]
    public void Wait_times_out_with_false_and_holds_the_lock_again_with_its_recursion_count()
    {
        var c = new mp.Condition();
        c.Acquire();
        c.Acquire();

        Assert.False(c.Wait(TimeSpan.FromMilliseconds(50)));
        Assert.False(c.Wait(TimeSpan.Zero));
        Assert.False(c.WaitFor(() => false, TimeSpan.FromMilliseconds(50)));
        Assert.True(c.WaitFor(() => true, TimeSpan.Zero));

        Assert.False(Within(() => c.Acquire(TimeSpan.Zero)));
        c.Release();
        c.Release();
        Assert.Throws<SynchronizationLockException>(c.Release);
    }

    [Fact]
    public void A_child_waiting_for_a_predicate_wakes_on_Notify_with_a_plain_lock()
    {
        var flag = Files["flag"];
        var waiting = Files["waiting"];
        var done = Files["done"];
        var c = new mp.Condition(new mp.Lock());
        var p = Start(() =>
        {
            using (c.Hold())
            {
                TempFiles.Write(waiting, "yes");
                bool ok = c.WaitFor(() => File.Exists(flag), Long);
                TempFiles.Write(done, ok.ToString());
            }
        });
        TempFiles.WaitForText(waiting);

        using (c.Hold())
        {
            File.WriteAllText(flag, "set");
            c.Notify();
        }

        JoinOk(p);
        Assert.Equal("True", TempFiles.WaitForText(done));
    }

    [Fact]
    public void Notify_wakes_one_waiter_and_NotifyAll_the_rest()
    {
        var c = new mp.Condition();
        var waiting = new List<string>();
        var woke = new List<string>();
        var children = new List<mp.Process>();
        for (int n = 0; n < 3; n++)
        {
            var waitingFile = Files[$"waiting{n}"];
            var wokeFile = Files[$"woke{n}"];
            waiting.Add(waitingFile);
            woke.Add(wokeFile);
            children.Add(Start(() =>
            {
                c.Acquire();
                TempFiles.Write(waitingFile, "yes");
                bool notified = c.Wait(Long);
                TempFiles.Write(wokeFile, notified.ToString());
                c.Release();
            }));
        }

        foreach (var f in waiting)
        {
            TempFiles.WaitForText(f);
        }

        // Each child wrote its file while holding the lock, so once we hold it they all wait.
        using (c.Hold())
        {
            c.Notify();
        }

        Assert.True(Eventually(() => woke.Count(File.Exists) == 1, Long));
        Thread.Sleep(Short);
        Assert.Equal(1, woke.Count(File.Exists));

        using (c.Hold())
        {
            c.NotifyAll();
        }

        foreach (var p in children)
        {
            JoinOk(p);
        }

        Assert.All(woke, f => Assert.Equal("True", TempFiles.WaitForText(f)));
    }

    [Fact]
    public void A_child_notifies_the_parent()
    {
        var c = new mp.Condition();
        var value = Files["value"];
        var p = Start(() =>
        {
            Thread.Sleep(50);
            using (c.Hold())
            {
                File.WriteAllText(value, "42");
                c.NotifyAll();
            }
        });

        using (c.Hold())
        {
            Assert.True(c.WaitFor(() => File.Exists(value), Long));
        }

        JoinOk(p);
    }

    [Fact]
    public async Task WaitAsync_is_notified_times_out_and_is_cancelled_holding_the_lock_again()
    {
        var c = new mp.Condition(new mp.Lock());
        Assert.True(await c.AcquireAsync());
        Assert.False(await c.WaitAsync(TimeSpan.FromMilliseconds(50)));

        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => c.WaitAsync(cts.Token));
        Assert.False(await Task.Run(() => c.AcquireAsync(TimeSpan.Zero).AsTask()));

        var notifier = Task.Run(async () =>
        {
            await Task.Delay(50);
            using (c.Hold())
            {
                c.Notify();
            }
        });
        Assert.True(await c.WaitAsync(Long));
        c.Release();
        await notifier;

        var flag = false;
        var setter = Task.Run(async () =>
        {
            await Task.Delay(50);
            using (c.Hold())
            {
                flag = true;
                c.NotifyAll();
            }
        });
        await c.AcquireAsync();
        Assert.True(await c.WaitForAsync(() => Volatile.Read(ref flag), Long));
        Assert.False(await c.WaitForAsync(() => false, TimeSpan.FromMilliseconds(20)));
        c.Release();
        await setter;
    }
}
