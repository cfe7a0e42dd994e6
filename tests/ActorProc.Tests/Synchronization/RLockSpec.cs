using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Synchronization;

[Collection(SyncCollection.Name)]
public sealed class RLockSpec : SyncSpecBase
{
    [Fact]
    public void The_holder_thread_re_enters_and_must_release_as_often()
    {
        var l = new mp.RLock();

        Assert.True(l.Acquire());
        Assert.True(l.Acquire(TimeSpan.Zero));
        using (l.Hold())
        {
        }

        l.Release();
        Assert.False(Within(() => l.Acquire(TimeSpan.Zero)));
        l.Release();

        Assert.Throws<SynchronizationLockException>(l.Release);
        Assert.True(Within(() => l.Acquire(TimeSpan.Zero)));
    }

    [Fact]
    public void Another_thread_cannot_acquire_or_release_it()
    {
        var l = new mp.RLock();
        l.Acquire();

        Assert.False(Within(() => l.Acquire(TimeSpan.FromMilliseconds(50))));
        Assert.Equal("SynchronizationLockException", Within(() => ThrownBy(l.Release)));

        l.Release();
        Assert.Throws<SynchronizationLockException>(l.Release);
    }

    [Fact]
    public void A_child_cannot_release_the_parents_rlock_and_re_enters_its_own_hold()
    {
        var file = Files["child"];
        var l = new mp.RLock();
        l.Acquire();
        var p = Start(() =>
        {
            string foreign = ThrownBy(l.Release);
            bool busy = l.Acquire(TimeSpan.Zero);
            TempFiles.Write(file + ".1", $"{foreign}|{busy}");
            l.Acquire();
            bool again = l.Acquire(TimeSpan.Zero);
            l.Release();
            l.Release();
            TempFiles.Write(file, $"{again}|{ThrownBy(l.Release)}");
        });

        Assert.Equal("SynchronizationLockException|False", TempFiles.WaitForText(file + ".1"));
        l.Release();

        JoinOk(p);
        Assert.Equal("True|SynchronizationLockException", TempFiles.WaitForText(file));
        Assert.True(l.Acquire(TimeSpan.Zero));
    }

    [Fact]
    public void The_parent_waits_until_the_child_released_every_level()
    {
        var held = Files["held"];
        var go = Files["go"];
        var l = new mp.RLock();
        var p = Start(() =>
        {
            l.Acquire();
            l.Acquire();
            TempFiles.Write(held, "2");
            TempFiles.WaitForText(go);
            l.Release();
            TempFiles.Write(held + ".1", "1");
            TempFiles.WaitForText(go + ".1");
            l.Release();
        });
        TempFiles.WaitForText(held);
        TempFiles.Write(go, "go");
        TempFiles.WaitForText(held + ".1");
        Assert.False(l.Acquire(TimeSpan.FromMilliseconds(50)));

        TempFiles.Write(go + ".1", "go");

        Assert.True(Within(() => l.Acquire(Long)));
        JoinOk(p);
    }

    [Fact]
    public async Task AcquireAsync_re_enters_on_the_same_thread_and_can_be_cancelled_elsewhere()
    {
        var l = new mp.RLock();
        Assert.True(l.Acquire());
        Assert.True(await l.AcquireAsync(TimeSpan.Zero));
        l.Release();

        // Another thread (a dedicated one: a pool thread could be this very thread, which would re-enter).
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var other = Background(() => ThrownBy(() => l.AcquireAsync(cts.Token).AsTask().GetAwaiter().GetResult()));
        Assert.Contains("Canceled", await other.WaitAsync(Long));
    }
}
