using ActorProc.Tests.Synchronization;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Shared;

[Collection(SharedCollection.Name)]
public sealed class SharedArraySpec : SyncSpecBase
{
    [Fact]
    public void An_array_has_its_length_its_initial_elements_and_copies_them_with_ToArray()
    {
        var zeros = new mp.SharedArray<long>(4);
        var filled = new mp.SharedArray<int>([3, 1, 4, 1, 5]);
        var empty = new mp.SharedArray<byte>(0);

        Assert.Equal(4, zeros.Length);
        Assert.Equal([0L, 0, 0, 0], zeros.ToArray());
        Assert.Equal(5, filled.Length);
        Assert.Equal(4, filled[2]);
        filled[2] = 40;
        Assert.Equal([3, 1, 40, 1, 5], filled.ToArray());
        Assert.Empty(empty.ToArray());
    }

    [Fact]
    public void The_initial_array_is_copied_not_shared()
    {
        int[] initial = [1, 2, 3];
        var a = new mp.SharedArray<int>(initial);

        initial[0] = 100;
        a[1] = 200;

        Assert.Equal([1, 200, 3], a.ToArray());
        Assert.Equal([100, 2, 3], initial);
    }

    [Fact]
    public void Bad_lengths_indices_and_initial_arrays_throw_clear_exceptions()
    {
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new mp.SharedArray<int>(-1));
        Assert.Equal("length", negative.ParamName);
        Assert.Equal(-1, negative.ActualValue);

        var none = Assert.Throws<ArgumentNullException>(() => new mp.SharedArray<int>(null!));
        Assert.Equal("initial", none.ParamName);

        var a = new mp.SharedArray<int>(3);
        foreach (int i in new[] { -1, 3, int.MaxValue, int.MinValue })
        {
            var get = Assert.Throws<ArgumentOutOfRangeException>(() => a[i]);
            Assert.Equal("i", get.ParamName);
            Assert.Equal(i, get.ActualValue);
            Assert.Contains($"Index {i} ", get.Message, StringComparison.Ordinal);

            var set = Assert.Throws<ArgumentOutOfRangeException>(() => a[i] = 1);
            Assert.Equal(i, set.ActualValue);
        }

        Assert.Equal([0, 0, 0], a.ToArray());
    }

    [Fact]
    public void Python_tutorial_a_child_sets_a_value_and_negates_an_array_that_the_parent_then_reads()
    {
        var num = new mp.SharedValue<double>(0.0);
        var arr = new mp.SharedArray<int>([.. Enumerable.Range(0, 10)]);
        var seen = new mp.SharedArray<int>(2);
        var child = Start(() =>
        {
            num.Value = 3.1415927;
            seen[0] = arr.Length;
            seen[1] = arr.ToArray().Sum();
            for (int i = 0; i < arr.Length; i++)
            {
                arr[i] = -arr[i];
            }
        });

        JoinOk(child);

        Assert.Equal(3.1415927, num.Value);
        Assert.Equal([0, -1, -2, -3, -4, -5, -6, -7, -8, -9], arr.ToArray());
        Assert.Equal([10, 45], seen.ToArray());
    }

    [Fact]
    public void Locked_updates_of_an_array_from_two_children_lose_nothing()
    {
        var hits = new mp.SharedArray<int>(3);
        var workers = new List<mp.Process>();
        for (int n = 0; n < 2; n++)
        {
            workers.Add(Start(() =>
            {
                for (int i = 0; i < 300; i++)
                {
                    using (hits.GetLock().Hold())
                    {
                        hits[i % 3] += 1;
                    }
                }
            }));
        }

        workers.ForEach(JoinOk);

        Assert.Equal([200, 200, 200], hits.ToArray());
    }

    [Fact]
    public void An_array_of_structs_written_by_a_child_is_seen_by_the_parent()
    {
        var points = new mp.SharedArray<Point3>(3);
        var child = Start(() =>
        {
            for (int i = 0; i < points.Length; i++)
            {
                points[i] = new Point3(i, i * 2, i * 3);
            }
        });

        JoinOk(child);

        Assert.Equal([new Point3(0, 0, 0), new Point3(1, 2, 3), new Point3(2, 4, 6)], points.ToArray());
    }
}
