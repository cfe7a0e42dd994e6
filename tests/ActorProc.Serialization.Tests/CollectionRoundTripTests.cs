using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using ActorProc.Serialization.Tests.Support;

namespace ActorProc.Serialization.Tests;

public class CollectionRoundTripTests
{
    [Fact]
    public void Byte_array_uses_the_fast_path_length_plus_raw_bytes()
    {
        var data = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        byte[] bytes = RoundTrip.Default.SerializeToArray(data);
        Assert.Equal(1 + 2 + 300, bytes.Length);
        Assert.Equal(data, RoundTrip.Copy(data));
    }

    [Fact]
    public void Arrays_of_primitives_structs_strings_and_objects_round_trip()
    {
        RoundTrip.CopyAndCompare(new[] { 1, -2, int.MaxValue });
        RoundTrip.CopyAndCompare(new[] { 1.5, double.NaN });
        RoundTrip.CopyAndCompare(new[] { "a", null, "c" });
        RoundTrip.CopyAndCompare(new[] { new Point3 { X = 1, Y = 2, Z = 3 } });
        RoundTrip.CopyAndCompare(new object?[] { 1, "two", null, new[] { 3 }, Color.Red });
        RoundTrip.CopyAndCompare(Array.Empty<Person>());
    }

    [Fact]
    public void Multi_dimensional_and_jagged_arrays_round_trip()
    {
        var grid = new int[3, 4];
        var names = new string?[2, 2, 2];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                grid[i, j] = (i * 10) + j;
            }
        }

        names[1, 0, 1] = "x";
        Assert.Equal(grid, RoundTrip.Copy(grid));
        Assert.Equal(names, RoundTrip.Copy(names));
        var jagged = new[] { new[] { 1 }, Array.Empty<int>(), new[] { 2, 3 } };
        Assert.Equal(jagged, RoundTrip.Copy(jagged));
        var offset = Array.CreateInstance(typeof(int), [2, 2], [5, -1]);
        offset.SetValue(7, 6, 0);
        var copy = (Array)RoundTrip.Copy<object>(offset);
        Assert.Equal(5, copy.GetLowerBound(0));
        Assert.Equal(7, copy.GetValue(6, 0));
    }

    [Fact]
    public void List_and_dictionary_round_trip()
    {
        RoundTrip.CopyAndCompare(new List<string> { "a", "b" });
        RoundTrip.CopyAndCompare(new List<object?> { 1, null, "x", new Person("p", 3, DateTime.UnixEpoch) });
        RoundTrip.CopyAndCompare(new Dictionary<int, string> { [1] = "one", [2] = "two" });
        RoundTrip.CopyAndCompare(new Dictionary<string, List<int>> { ["a"] = new() { 1, 2 } });
    }

    [Fact]
    public void Dictionary_keeps_a_well_known_comparer()
    {
        var copy = RoundTrip.Copy(new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Key"] = 1 });
        Assert.Same(StringComparer.OrdinalIgnoreCase, copy.Comparer);
        Assert.Equal(1, copy["KEY"]);
        var plain = RoundTrip.Copy(new Dictionary<string, int> { ["k"] = 1 });
        Assert.Same(EqualityComparer<string>.Default, plain.Comparer);
    }

    [Fact]
    public void Sets_queues_stacks_and_linked_lists_round_trip_in_order()
    {
        var set = RoundTrip.Copy(new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "a", "B" });
        Assert.Contains("b", set);
        Assert.Equal(new[] { 1, 2, 3 }, RoundTrip.Copy(new Queue<int>(new[] { 1, 2, 3 })));
        var stack = new Stack<int>();
        stack.Push(1);
        stack.Push(2);
        stack.Push(3);
        var stackCopy = RoundTrip.Copy(stack);
        Assert.Equal(3, stackCopy.Pop());
        Assert.Equal(new[] { 2, 1 }, stackCopy);
        Assert.Equal(new[] { "x", "y" }, RoundTrip.Copy(new LinkedList<string>(new[] { "x", "y" })));
    }

    [Fact]
    public void Sorted_collections_round_trip_with_their_comparer()
    {
        var sorted = RoundTrip.Copy(new SortedDictionary<string, int>(StringComparer.Ordinal) { ["b"] = 2, ["a"] = 1 });
        Assert.Equal(new[] { "a", "b" }, sorted.Keys);
        Assert.Same(StringComparer.Ordinal, sorted.Comparer);
        Assert.Equal(new[] { 1, 5, 9 }, RoundTrip.Copy(new SortedSet<int> { 9, 1, 5 }));
        var list = RoundTrip.Copy(new SortedList<int, string> { [3] = "c", [1] = "a" });
        Assert.Equal(new[] { 1, 3 }, list.Keys);
    }

    [Fact]
    public void Concurrent_collections_round_trip()
    {
        var dict = new ConcurrentDictionary<string, int>();
        dict["a"] = 1;
        dict["b"] = 2;
        var copy = RoundTrip.Copy(dict);
        Assert.Equal(2, copy["b"]);
        Assert.Equal(2, copy.Count);
        Assert.Equal(new[] { 4, 5 }, RoundTrip.Copy(new ConcurrentQueue<int>(new[] { 4, 5 })));
    }

    [Fact]
    public void Immutable_collections_round_trip()
    {
        Assert.Equal(new[] { 1, 2 }, RoundTrip.Copy(ImmutableArray.Create(1, 2)));
        Assert.True(RoundTrip.Copy(default(ImmutableArray<int>)).IsDefault);
        Assert.Equal(new[] { "a" }, RoundTrip.Copy(ImmutableList.Create("a")));
        var dict = RoundTrip.Copy(ImmutableDictionary.Create<string, int>(StringComparer.OrdinalIgnoreCase).Add("A", 1));
        Assert.Equal(1, dict["a"]);
        Assert.True(RoundTrip.Copy(ImmutableHashSet.Create(3, 4)).SetEquals(new[] { 3, 4 }));
        Assert.Equal(new[] { 7 }, RoundTrip.Copy(new ReadOnlyCollection<int>(new[] { 7 })));
    }

    [Fact]
    public void Tuples_value_tuples_and_key_value_pairs_of_any_arity_round_trip()
    {
        RoundTrip.CopyAndCompare(Tuple.Create(1, "a", 2.5));
        RoundTrip.CopyAndCompare(Tuple.Create(1, 2, 3, 4, 5, 6, 7, 8));
        Assert.Equal((1, "a"), RoundTrip.Copy((1, "a")));
        var ten = (1, 2, 3, 4, 5, 6, 7, 8, 9, "ten");
        Assert.Equal(ten, RoundTrip.Copy(ten));
        Assert.Equal(ten, RoundTrip.Copy<object>(ten));
        Assert.Equal(new KeyValuePair<string, int>("k", 9), RoundTrip.Copy(new KeyValuePair<string, int>("k", 9)));
    }
}
