using ActorProc.Serialization.Tests.Support;

namespace ActorProc.Serialization.Tests;

public class SurrogateTests
{
    private static Serializer WithActorRefSurrogate(List<string>? seenPaths = null) => new(new SerializerOptions
    {
        Surrogates =
        {
            Surrogate.Create<IActorRefLike, string>(
                r => { seenPaths?.Add(r.Path); return r.Path; },
                (path, state) => new FakeActorRef(path, state)),
        },
    });

    [Fact]
    public void Interface_surrogate_replaces_implementations_and_receives_the_state()
    {
        var seen = new List<string>();
        var serializer = WithActorRefSurrogate(seen);
        var system = new object();
        var envelope = new Envelope(new FakeActorRef("/user/a", system: "sender-system"), "hello");
        byte[] bytes = serializer.SerializeToArray(envelope);
        var copy = serializer.Deserialize<Envelope>(bytes, state: system);
        Assert.Equal(new[] { "/user/a" }, seen);
        var actorRef = Assert.IsType<FakeActorRef>(copy.Sender);
        Assert.Equal("/user/a", actorRef.Path);
        Assert.Same(system, actorRef.System);
        Assert.Equal("hello", copy.Message);
    }

    [Fact]
    public void Surrogate_applies_to_roots_collections_and_object_fields()
    {
        var serializer = WithActorRefSurrogate();
        var refs = new List<IActorRefLike> { new FakeActorRef("/a", null), new FakeActorRef("/b", null) };
        var copy = RoundTrip.Copy(refs, serializer);
        Assert.Equal(new[] { "/a", "/b" }, copy.Select(r => r.Path));
        Assert.Equal("/c", ((IActorRefLike)RoundTrip.Copy<object>(new FakeActorRef("/c", null), serializer)).Path);
        Assert.Equal("/d", RoundTrip.Copy(new FakeActorRef("/d", null), serializer).Path);
    }

    [Fact]
    public void Surrogate_wire_form_does_not_name_the_concrete_type()
    {
        var serializer = WithActorRefSurrogate();
        byte[] bytes = serializer.SerializeToArray<object>(new FakeActorRef("/x", null));
        Assert.DoesNotContain("FakeActorRef", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Surrogate_value_is_serialized_normally_even_when_complex()
    {
        var serializer = new Serializer(new SerializerOptions
        {
            Surrogates = { Surrogate.Create<LocalOnly, Person>(l => new Person("v", l.Value, DateTime.UnixEpoch), (p, _) => new LocalOnly { Value = p.Age }) },
        });
        Assert.Equal(9, RoundTrip.Copy(new LocalOnly { Value = 9 }, serializer).Value);
    }
}
