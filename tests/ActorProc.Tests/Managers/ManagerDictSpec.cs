using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Managers;

public sealed class ManagerDictSpec(ManagerFixture fixture) : IClassFixture<ManagerFixture>
{
    private readonly mp.Manager _manager = fixture.Manager;

    [Fact]
    public void The_indexer_sets_and_gets_and_a_missing_key_throws_KeyNotFoundException()
    {
        var d = _manager.Dict<string, int>();
        d["a"] = 1;
        d["a"] = 2;
        d["b"] = 3;

        Assert.Equal(2, d["a"]);
        Assert.Equal(3, d["b"]);
        Assert.Equal(2, d.Count);
        var missing = Assert.Throws<KeyNotFoundException>(() => d["nope"]);
        Assert.Contains("'nope'", missing.Message);
    }

    [Fact]
    public void Add_of_a_present_key_throws_ArgumentException_and_keeps_the_value()
    {
        var d = _manager.Dict<int, string>();
        d.Add(1, "one");
        d.Add(new KeyValuePair<int, string>(2, "two"));

        var duplicate = Assert.Throws<ArgumentException>(() => d.Add(1, "uno"));
        Assert.Contains("same key", duplicate.Message);
        Assert.Equal("one", d[1]);
        Assert.Throws<ArgumentException>(() => d.Add(new KeyValuePair<int, string>(2, "dos")));
    }

    [Fact]
    public void TryGetValue_ContainsKey_Remove_and_Clear_behave_as_a_Dictionary()
    {
        var d = _manager.Dict<string, string?>();
        d["k"] = "v";
        d["n"] = null;

        Assert.True(d.TryGetValue("k", out var v));
        Assert.Equal("v", v);
        Assert.True(d.TryGetValue("n", out var n));
        Assert.Null(n);
        Assert.False(d.TryGetValue("x", out _));
        Assert.True(d.ContainsKey("n"));
        Assert.False(d.ContainsKey("x"));
        Assert.True(d.Remove("k"));
        Assert.False(d.Remove("k"));
        Assert.False(d.IsReadOnly);
        d.Clear();
        Assert.Empty(d);
    }

    [Fact]
    public void Pair_members_compare_the_value_too()
    {
        var d = _manager.Dict<string, int>();
        d["a"] = 1;

        Assert.Contains(new KeyValuePair<string, int>("a", 1), d);
        Assert.False(d.Contains(new KeyValuePair<string, int>("a", 2)));
        Assert.False(d.Remove(new KeyValuePair<string, int>("a", 2)));
        Assert.True(d.ContainsKey("a"));
        Assert.True(d.Remove(new KeyValuePair<string, int>("a", 1)));
        Assert.False(d.ContainsKey("a"));
    }

    [Fact]
    public void Enumeration_Keys_and_Values_are_snapshots_in_insertion_order()
    {
        var d = _manager.Dict<string, int>();
        d["x"] = 1;
        d["y"] = 2;
        d["z"] = 3;
        var keys = d.Keys;
        var values = d.Values;

        var seen = new List<string>();
        foreach (var (key, _) in d)
        {
            seen.Add(key);
            d.Remove(key); // no "collection was modified": the enumeration is over a snapshot
        }

        Assert.Equal(["x", "y", "z"], seen);
        Assert.Equal(["x", "y", "z"], keys);
        Assert.Equal([1, 2, 3], values);
        Assert.True(keys.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => keys.Add("w"));
        Assert.Empty(d);
    }

    [Fact]
    public void Keys_of_a_record_type_compare_by_value_as_in_a_Dictionary()
    {
        var d = _manager.Dict<Point, string>();
        d[new Point(1, 2)] = "a";
        d[new Point(1, 2)] = "b";

        Assert.Single(d);
        Assert.Equal("b", d[new Point(1, 2)]);
    }

    [Fact]
    public void Values_are_copies_as_in_Python()
    {
        var d = _manager.Dict<string, List<int>>();
        var list = new List<int> { 1 };
        d["l"] = list;
        list.Add(2);
        d["l"].Add(3);

        Assert.Equal([1], d["l"]);
    }

    [Fact]
    public void CopyTo_checks_its_arguments_as_a_Dictionary()
    {
        var d = _manager.Dict<int, int>();
        d[1] = 10;
        d[2] = 20;

        var target = new KeyValuePair<int, int>[3];
        d.CopyTo(target, 1);
        Assert.Equal([default, new(1, 10), new(2, 20)], target);
        Assert.Throws<ArgumentNullException>(() => d.CopyTo(null!, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.CopyTo(target, -1));
        Assert.Throws<ArgumentException>(() => d.CopyTo(target, 2));
    }

    [Fact]
    public void Bad_keys_and_values_fail_at_the_call_naming_what_is_wrong()
    {
        var d = _manager.Dict<string, object?>();

        Assert.Throws<ArgumentNullException>(() => d[null!] = 1);
        var unserializable = Assert.Throws<ArgumentException>(() => d["s"] = new MemoryStream());
        Assert.Equal("value", unserializable.ParamName);
        Assert.Contains("MemoryStream", unserializable.Message);
    }

    [Fact]
    public void A_value_larger_than_one_message_may_carry_throws_ArgumentException_instead_of_hanging()
    {
        var d = _manager.Dict<string, byte[]>();

        var tooLarge = Assert.Throws<ArgumentException>(() => d["big"] = new byte[17 * 1024 * 1024]);
        Assert.Contains("maximum-frame-size", tooLarge.Message);
        Assert.False(d.ContainsKey("big"));
    }

    [Fact]
    public void ToString_prints_the_entries_as_Python_prints_a_dict()
    {
        var d = _manager.Dict<object, object?>();
        d[1] = "1";
        d["2"] = 2;
        d[0.25] = null;

        Assert.Equal("{1: '1', '2': 2, 0.25: null}", d.ToString());
    }

    public sealed record Point(int X, int Y);
}
