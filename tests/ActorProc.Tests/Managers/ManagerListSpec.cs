using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Managers;

public sealed class ManagerListSpec(ManagerFixture fixture) : IClassFixture<ManagerFixture>
{
    private readonly mp.Manager _manager = fixture.Manager;

    [Fact]
    public void Add_Insert_indexer_and_RemoveAt_keep_List_order()
    {
        var l = _manager.List<string>();
        l.Add("b");
        l.Insert(0, "a");
        l.Insert(2, "d");
        l.Insert(2, "c");
        l[3] = "D";
        l.RemoveAt(0);

        Assert.Equal(["b", "c", "D"], l);
        Assert.Equal(3, l.Count);
        Assert.Equal("c", l[1]);
        Assert.False(l.IsReadOnly);
    }

    [Fact]
    public void An_index_outside_the_list_throws_ArgumentOutOfRangeException()
    {
        var l = _manager.List<int>();
        l.Add(1);

        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => l[1]).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => l[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => l[5] = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => l.RemoveAt(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => l.Insert(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => l.Insert(-1, 0));
        Assert.Equal([1], l);
    }

    [Fact]
    public void IndexOf_Contains_and_Remove_use_value_equality()
    {
        var l = _manager.List<ManagerDictSpec.Point?>();
        l.Add(new(1, 1));
        l.Add(null);
        l.Add(new(2, 2));
        l.Add(new(1, 1));

        Assert.Equal(2, l.IndexOf(new(2, 2)));
        Assert.Equal(1, l.IndexOf(null));
        Assert.Equal(-1, l.IndexOf(new(3, 3)));
        Assert.Contains(new ManagerDictSpec.Point(1, 1), l);
        Assert.True(l.Remove(new(1, 1)));
        Assert.False(l.Remove(new(9, 9)));
        Assert.Equal([null, new(2, 2), new(1, 1)], l);
    }

    [Fact]
    public void Enumeration_is_over_a_snapshot_and_Clear_empties_the_list()
    {
        var l = _manager.List<int>();
        for (int i = 0; i < 5; i++)
        {
            l.Add(i);
        }

        var seen = new List<int>();
        foreach (var item in l)
        {
            seen.Add(item);
            l.Add(item + 10); // no "collection was modified"
        }

        Assert.Equal([0, 1, 2, 3, 4], seen);
        Assert.Equal(10, l.Count);
        l.Clear();
        Assert.Empty(l);
    }

    [Fact]
    public void CopyTo_checks_its_arguments_and_ToString_prints_as_Python()
    {
        var l = _manager.List<object?>();
        l.Add(1);
        l.Add("two");
        l.Add(null);

        var target = new object?[4];
        l.CopyTo(target, 1);
        Assert.Equal([null, 1, "two", null], target);
        Assert.Throws<ArgumentException>(() => l.CopyTo(target, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => l.CopyTo(target, -1));
        Assert.Equal("[1, 'two', null]", l.ToString());
    }
}
