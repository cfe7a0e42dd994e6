using ActorProc.Multiprocessing.Runtime;
using ActorProc.Tests.Synchronization;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Shared;

[Collection(SharedCollection.Name)]
public sealed class SharedValueSpec : SyncSpecBase
{
    private enum Color : short
    {
        Red = 1,
        Blue = 700,
    }

    [Fact]
    public void A_value_keeps_what_is_written_for_types_of_every_size()
    {
        Assert.Equal(0, new mp.SharedValue<int>().Value);
        Assert.Equal(-3, new mp.SharedValue<int>(-3).Value);

        var b = new mp.SharedValue<bool>(true);
        Assert.True(b.Value);
        b.Value = false;
        Assert.False(b.Value);

        var l = new mp.SharedValue<long>(long.MinValue, @lock: false);
        Assert.Equal(long.MinValue, l.Value);
        l.Value = long.MaxValue;
        Assert.Equal(long.MaxValue, l.Value);

        var c = new mp.SharedValue<Color>(Color.Blue);
        Assert.Equal(Color.Blue, c.Value);

        var d = new mp.SharedValue<decimal>(1.25m);
        d.Value *= 3;
        Assert.Equal(3.75m, d.Value);

        var p = new mp.SharedValue<Point3>(new Point3(1, 2, 3));
        p.Value = p.Value with { Z = 30 };
        Assert.Equal(new Point3(1, 2, 30), p.Value);
        Assert.Equal("Point3 { X = 1, Y = 2, Z = 30 }", p.ToString());
    }

    [Fact]
    public void A_handle_that_comes_back_to_the_creating_process_uses_the_same_memory()
    {
        var v = new mp.SharedValue<int>(1);
        var runtime = ProcessRuntime.Get();

        var copy = runtime.Serializer.Deserialize<mp.SharedValue<int>>(runtime.Serializer.SerializeToArray(v), runtime.System)!;
        copy.Value = 9;

        Assert.Equal(9, v.Value);
        Assert.Same(v.Block.Attachment, copy.Block.Attachment);
        Assert.Same(v.GetLock().Channel.Local, copy.GetLock().Channel.Local);
    }

    [Fact]
    public void GetLock_of_a_value_created_without_a_lock_throws_a_clear_InvalidOperationException()
    {
        var v = new mp.SharedValue<int>(3, @lock: false);

        var e = Assert.Throws<InvalidOperationException>(() => v.GetLock());

        Assert.Contains("lock: false", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, v.Value);
    }

    [Fact]
    public void A_value_written_by_a_child_is_seen_by_the_parent_and_the_reverse()
    {
        var v = new mp.SharedValue<int>(5);
        var seen = new mp.SharedArray<int>(2);
        var go = new mp.Event();
        var child = Start(() =>
        {
            seen[0] = v.Value;
            v.Value = 42;
            go.Wait();
            seen[1] = v.Value;
        });

        Assert.True(Eventually(() => v.Value == 42, Long), "the child's write was not seen");
        v.Value = 7;
        go.Set();

        JoinOk(child);
        Assert.Equal([5, 7], seen.ToArray());
    }

    [Fact]
    public void Four_processes_making_1000_locked_increments_each_give_exactly_4000()
    {
        var counter = new mp.SharedValue<int>(0);
        var workers = new List<mp.Process>();
        for (int n = 0; n < 4; n++)
        {
            bool hold = n % 2 == 0;
            workers.Add(Start(() =>
            {
                for (int i = 0; i < 1000; i++)
                {
                    if (hold)
                    {
                        using (counter.GetLock().Hold())
                        {
                            counter.Value += 1;
                        }
                    }
                    else
                    {
                        var l = counter.GetLock();
                        l.Acquire();
                        counter.Value += 1;
                        l.Release();
                    }
                }
            }));
        }

        workers.ForEach(JoinOk);

        Assert.Equal(4000, counter.Value);
    }

    [Fact]
    public void A_struct_value_written_by_a_child_is_seen_whole()
    {
        var v = new mp.SharedValue<Point3>(new Point3(1, 2, 3));
        var child = Start(() => v.Value = new Point3(v.Value.X * 10, v.Value.Y * 10, v.Value.Z * 10));

        JoinOk(child);

        Assert.Equal(new Point3(10, 20, 30), v.Value);
    }
}
