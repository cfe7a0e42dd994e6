using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Synchronization;

[Collection(SyncCollection.Name)]
public sealed class SemaphoreSpec : SyncSpecBase
{
    [Fact]
    public void Permits_count_down_and_up_and_Value_shows_them()
    {
        var s = new mp.Semaphore(2);
        Assert.Equal(2, s.Value);
        Assert.True(s.Acquire());
        Assert.True(s.Acquire(TimeSpan.Zero));
        Assert.Equal(0, s.Value);
        Assert.False(s.Acquire(TimeSpan.Zero));
        Assert.False(s.Acquire(TimeSpan.FromMilliseconds(50)));
        s.Release();
        Assert.Equal(1, s.Value);
        using (s.Hold())
        {
            Assert.Equal(0, s.Value);
        }

        Assert.Equal(1, s.Value);
        s.Release();
        s.Release();
        Assert.Equal(3, s.Value);
        Assert.Equal(1, new mp.Semaphore().Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => new mp.Semaphore(-1));
    }

    [Fact]
    public void A_bounded_semaphore_refuses_a_release_past_its_initial_value()
    {
        var s = new mp.BoundedSemaphore(2);
        Assert.Throws<SemaphoreFullException>(s.Release);
        s.Acquire();
        s.Release();
        Assert.Throws<SemaphoreFullException>(s.Release);
        Assert.Equal(2, s.Value);
    }

    [Fact]
    public void A_bounded_semaphore_refuses_it_in_a_child_too()
    {
        var file = Files["bounded"];
        var s = new mp.BoundedSemaphore(1);
        var p = Start(() =>
        {
            string first = ThrownBy(s.Release);
            s.Acquire();
            int value = s.Value;
            s.Release();
            TempFiles.Write(file, $"{first}|{value}|{ThrownBy(s.Release)}");
        });

        JoinOk(p);
        Assert.Equal("SemaphoreFullException|0|SemaphoreFullException", TempFiles.WaitForText(file));
        Assert.Equal(1, s.Value);
    }

    [Fact]
    public void A_child_waits_for_a_permit_the_parent_releases()
    {
        var file = Files["child"];
        var s = new mp.Semaphore(0);
        var p = Start(() =>
        {
            bool zero = s.Acquire(TimeSpan.Zero);
            bool shortWait = s.Acquire(TimeSpan.FromMilliseconds(100));
            TempFiles.Write(file + ".1", $"{zero},{shortWait}");
            bool got = s.Acquire();
            TempFiles.Write(file, $"{got}|{s.Value}");
        });
        Assert.Equal("False,False", TempFiles.WaitForText(file + ".1"));

        s.Release();

        JoinOk(p);
        Assert.Equal("True|0", TempFiles.WaitForText(file));
    }

    [Fact]
    public void The_parent_waits_for_a_permit_a_child_releases()
    {
        var s = new mp.Semaphore(0);
        var p = Start(() =>
        {
            Thread.Sleep(100);
            s.Release();
        });

        Assert.True(Within(() => s.Acquire(Long)));
        JoinOk(p);
        Assert.Equal(0, s.Value);
    }

    [Fact]
    public void Releases_from_a_child_arrive_before_its_next_call_and_are_not_lost_at_its_exit()
    {
        var s = new mp.Semaphore(0);
        var file = Files["value"];
        var p = Start(() =>
        {
            s.Release();
            s.Release();
            TempFiles.Write(file, s.Value.ToString()); // a call: it reaches the owner after both releases
            s.Release();                              // the last one is sent while the child exits
        });

        JoinOk(p);
        Assert.Equal("2", TempFiles.WaitForText(file));
        Assert.True(Eventually(() => s.Value == 3, Long)); // one-way: delivered before the exit, applied by the owner actor
    }

    [Fact]
    public void At_most_value_processes_hold_a_permit_at_once()
    {
        var s = new mp.Semaphore(2);
        var inside = Files["inside"];
        var children = new List<mp.Process>();
        for (int n = 0; n < 4; n++)
        {
            children.Add(Start(() =>
            {
                for (int i = 0; i < 10; i++)
                {
                    using (s.Hold())
                    {
                        var mine = Path.Combine(Path.GetDirectoryName(inside)!, $"in-{Environment.ProcessId}");
                        File.WriteAllText(mine, "x");
                        int count = Directory.GetFiles(Path.GetDirectoryName(inside)!, "in-*").Length;
                        // One log per process: two holders appending to one file at once could lose a line.
                        File.AppendAllText($"{inside}-{Environment.ProcessId}", count + "\n");
                        Thread.Sleep(2);
                        File.Delete(mine);
                    }
                }
            }));
        }

        foreach (var p in children)
        {
            JoinOk(p);
        }

        var counts = children.SelectMany(p => File.ReadAllLines($"{inside}-{p.Pid}")).Select(int.Parse).ToList();
        Assert.Equal(40, counts.Count);
        Assert.All(counts, c => Assert.InRange(c, 1, 2));
        Assert.Equal(2, s.Value);
    }

    [Fact]
    public async Task AcquireAsync_takes_a_permit_and_is_cancelled_while_it_waits_here_and_in_a_child()
    {
        var file = Files["async"];
        var s = new mp.Semaphore(1);
        Assert.True(await s.AcquireAsync());
        Assert.False(await s.AcquireAsync(TimeSpan.FromMilliseconds(50)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => s.AcquireAsync(cts.Token).AsTask());

        var p = Start(CancelledInChild(s, file));
        await p.JoinAsync().WaitAsync(Long);
        Assert.Equal("cancelled", TempFiles.WaitForText(file));

        s.Release();
        Assert.Equal(1, s.Value);
    }

    // Built apart from the test method so that the child's closure does not share the test's captured locals.
    private static Action CancelledInChild(mp.Semaphore s, string file) => () =>
    {
        using var childCts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        string cancelled = ThrownBy(() => s.AcquireAsync(childCts.Token).AsTask().GetAwaiter().GetResult());
        TempFiles.Write(file, cancelled.Contains("Canceled") ? "cancelled" : cancelled);
    };
}
