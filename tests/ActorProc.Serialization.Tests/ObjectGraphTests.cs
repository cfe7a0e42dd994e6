using System.Runtime.CompilerServices;
using ActorProc.Serialization.Tests.Support;

namespace ActorProc.Serialization.Tests;

public class ObjectGraphTests
{
    [Fact]
    public void Records_round_trip_by_value()
    {
        var person = new Person("Ada", 36, new DateTime(1815, 12, 10, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(person, RoundTrip.Copy(person));
        Assert.Equal(new Money(12.34m, "EUR"), RoundTrip.Copy(new Money(12.34m, "EUR")));
    }

    [Fact]
    public void Class_with_private_readonly_fields_and_no_parameterless_constructor_round_trips()
    {
        var account = new Account("bob", 7);
        account.Add(new Money(1, "USD"));
        account.Add(new Money(2, "USD"));
        var copy = RoundTrip.Copy(account);
        Assert.Equal("bob", copy.Owner);
        Assert.Equal(7, copy.Number);
        Assert.Equal(account.Entries, copy.Entries);
    }

    [Fact]
    public void Types_without_fields_round_trip_as_fresh_instances_of_their_type_alone_and_in_a_graph()
    {
        var marker = new FieldlessMarker();
        var copy = RoundTrip.Copy<object>(marker);
        Assert.IsType<FieldlessMarker>(copy);
        Assert.NotSame(marker, copy);

        var pair = RoundTrip.Copy(new object[] { marker, marker, new FieldlessRecord() });
        Assert.Same(pair[0], pair[1]);
        Assert.Equal(new FieldlessRecord(), pair[2]);
    }

    [Fact]
    public void NonSerialized_fields_are_skipped_even_when_their_type_cannot_be_sent()
    {
        var copy = RoundTrip.Copy(new WithLocalState { Kept = 5, Local = new System.IO.MemoryStream() });
        Assert.Equal(5, copy.Kept);
        Assert.Null(copy.Local);
    }

    private sealed class FieldlessMarker
    {
        public static int Shared { get; set; } = 3;
    }

    private sealed record FieldlessRecord;

    private sealed class WithLocalState
    {
        public int Kept;

        [NonSerialized]
        public System.IO.Stream? Local;
    }

    [Fact]
    public void Fields_of_base_classes_are_kept()
    {
        var copy = (Rect)RoundTrip.Copy<Shape>(new Rect("r", 2, 3));
        Assert.Equal("r", copy.Label);
        Assert.Equal(6, copy.Area());
    }

    [Fact]
    public void Polymorphism_through_interface_abstract_base_and_object_fields()
    {
        var holder = new Holder { Anything = new Circle("c", 1), Shape = new Rect("r", 1, 2), Greeter = new PoliteGreeter { Prefix = "Hi" } };
        var copy = RoundTrip.Copy(holder);
        Assert.IsType<Circle>(copy.Anything);
        Assert.Equal(2, copy.Shape!.Area());
        Assert.Equal("Hi Ann", copy.Greeter!.Greet("Ann"));
        Assert.IsType<PoliteGreeter>(RoundTrip.Copy<IGreeter>(new PoliteGreeter()));
    }

    [Fact]
    public void Type_manifest_is_written_once_then_referenced_by_index()
    {
        var one = RoundTrip.Default.SerializeToArray<object[]>(new object[] { new PoliteGreeter() });
        var two = RoundTrip.Default.SerializeToArray<object[]>(new object[] { new PoliteGreeter(), new PoliteGreeter() });
        int perExtraElement = two.Length - one.Length;
        Assert.True(perExtraElement <= 8, $"second instance cost {perExtraElement} bytes");
        Assert.True(one.Length > 30, "first instance carries the type name");
    }

    [Fact]
    public void Shared_references_keep_their_identity()
    {
        var shared = new Person("s", 1, DateTime.MinValue);
        var list = new List<Person> { shared, shared, new("t", 2, DateTime.MaxValue) };
        var copy = RoundTrip.Copy(list);
        Assert.Same(copy[0], copy[1]);
        Assert.NotSame(copy[0], copy[2]);
    }

    [Fact]
    public void Cycles_are_preserved()
    {
        var a = new Node { Value = "a" };
        var b = new Node { Value = "b", Next = a };
        a.Next = b;
        a.Children.Add(a);
        var copy = RoundTrip.Copy(a);
        Assert.Same(copy, copy.Next!.Next);
        Assert.Same(copy, copy.Children[0]);
        Assert.Equal("b", copy.Next.Value);
        var array = new object[1];
        array[0] = array;
        var arrayCopy = RoundTrip.Copy(array);
        Assert.Same(arrayCopy, arrayCopy[0]);
    }

    [Fact]
    public void Without_reference_preservation_shared_objects_are_duplicated_and_cycles_hit_max_depth()
    {
        var serializer = new Serializer(new SerializerOptions { PreserveObjectReferences = false, MaxDepth = 32 });
        var shared = new Node { Value = 1 };
        var copy = RoundTrip.Copy(new List<Node> { shared, shared }, serializer);
        Assert.NotSame(copy[0], copy[1]);
        var loop = new Node();
        loop.Next = loop;
        var error = Assert.Throws<SerializationException>(() => serializer.SerializeToArray(loop));
        Assert.Contains("MaxDepth", error.Message);
    }

    [Fact]
    public void Null_works_everywhere()
    {
        Assert.Null(RoundTrip.Copy<Holder?>(null));
        Assert.Null(RoundTrip.Copy<object?>(null));
        var holder = RoundTrip.Copy(new Holder());
        Assert.Null(holder.Anything);
        Assert.Null(holder.Shape);
    }

    [Fact]
    public void Type_values_round_trip_as_names()
    {
        Assert.Equal(typeof(Person), RoundTrip.Copy(typeof(Person)));
        Assert.Equal(typeof(Dictionary<string, List<Person>>), RoundTrip.Copy<object>(typeof(Dictionary<string, List<Person>>)));
        Assert.Equal(typeof(List<>), RoundTrip.Copy(typeof(List<>)));
        Assert.Equal(typeof(int[,]), RoundTrip.Copy(typeof(int[,])));
    }

    [Fact]
    public void Structs_with_readonly_fields_round_trip_typed_and_boxed()
    {
        var point = new Point3 { X = 1, Y = -2, Z = 3 };
        Assert.Equal(point, RoundTrip.Copy(point));
        Assert.Equal((object)point, RoundTrip.Copy<object>(point));
        var money = new Money(1m, "x");
        Assert.Equal(money, RoundTrip.Copy<object>(money));
    }

    [Fact]
    public void Non_generic_api_round_trips_with_runtime_types()
    {
        var writer = new System.Buffers.ArrayBufferWriter<byte>();
        RoundTrip.Default.Serialize(writer, new Person("x", 1, DateTime.UnixEpoch), typeof(Person));
        Assert.Equal(new Person("x", 1, DateTime.UnixEpoch), RoundTrip.Default.Deserialize(writer.WrittenSpan, typeof(Person)));
    }

    [Fact]
    public void Multi_segment_sequences_are_read()
    {
        byte[] bytes = RoundTrip.Default.SerializeToArray(new Person("segment", 5, DateTime.UnixEpoch));
        var first = new Segment(bytes.AsMemory(0, 3));
        var last = first.Append(bytes.AsMemory(3));
        var sequence = new System.Buffers.ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        Assert.Equal("segment", RoundTrip.Default.Deserialize<Person>(sequence).Name);
        Assert.Equal(5, RoundTrip.Default.Deserialize<Person>(new System.Buffers.ReadOnlySequence<byte>(bytes)).Age);
    }

    private sealed class Segment : System.Buffers.ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory)
        {
            Memory = memory;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
