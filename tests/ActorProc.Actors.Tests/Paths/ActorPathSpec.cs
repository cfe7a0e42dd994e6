namespace ActorProc.Actors.Tests.Paths;

public class ActorPathSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Silent : ReceiveActor
    {
    }

    [Fact]
    public void Parse_and_ToString_round_trip_a_full_path_with_host_and_port()
    {
        var path = ActorPath.Parse("actorproc.tcp://sys@host.example:2552/user/a/b");

        Assert.Equal("actorproc.tcp://sys@host.example:2552/user/a/b", path.ToString());
        Assert.Equal("/user/a/b", path.ToStringWithoutAddress());
        Assert.Equal(["user", "a", "b"], path.Elements);
        Assert.Equal("b", path.Name);
        Assert.Equal(new Address("actorproc.tcp", "sys", "host.example", 2552), path.Address);
        Assert.Equal(3, path.Depth);
        Assert.Equal("actorproc://sys/user", ActorPath.Parse("actorproc://sys/user").ToString());
    }

    [Fact]
    public void Parse_reads_the_uid_and_serialization_format_writes_it_back()
    {
        var path = ActorPath.Parse("actorproc://sys/user/a#42");

        Assert.Equal(42, path.Uid);
        Assert.Equal("actorproc://sys/user/a", path.ToString());
        Assert.Equal("actorproc://sys/user/a#42", path.ToSerializationFormat());
    }

    [Fact]
    public void Path_equality_and_hash_ignore_the_uid_but_not_the_address_or_elements()
    {
        var a = ActorPath.Parse("actorproc://sys/user/a");
        var withUid = a.WithUid(1234);

        Assert.Equal(a, withUid);
        Assert.True(a == withUid);
        Assert.Equal(a.GetHashCode(), withUid.GetHashCode());
        Assert.NotEqual(a, ActorPath.Parse("actorproc://other/user/a"));
        Assert.NotEqual(a, ActorPath.Parse("actorproc://sys/user/b"));
        Assert.Equal(a, new RootActorPath(Address.Local("sys")) / "user/a");
    }

    [Theory]
    [InlineData("not a path")]
    [InlineData("actorproc://bad name/user")]
    [InlineData("actorproc://sys@host:notaport/user")]
    [InlineData("actorproc://sys/user/a#notanumber")]
    public void Parse_rejects_malformed_paths(string text)
    {
        Assert.False(ActorPath.TryParse(text, out _));
        Assert.Throws<FormatException>(() => ActorPath.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("$reserved")]
    [InlineData("a/b")]
    [InlineData("with space")]
    [InlineData("a#b")]
    public void ActorOf_rejects_invalid_names(string name)
    {
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<Silent>(), name));
    }

    [Fact]
    public void ActorOf_with_a_name_already_taken_by_a_sibling_throws_InvalidActorNameException()
    {
        Sys.ActorOf(Props.Create<Silent>(), "unique");

        var e = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<Silent>(), "unique"));
        Assert.Contains("unique", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Actor_refs_have_paths_under_user_and_compare_by_path_and_uid()
    {
        var first = Sys.ActorOf(Props.Create<Silent>(), "reused");
        Assert.Equal($"actorproc://{Sys.Name}/user/reused", first.Path.ToString());
        Assert.NotEqual(ActorPath.UndefinedUid, first.Path.Uid);

        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);
        var second = Sys.ActorOf(Props.Create<Silent>(), "reused");

        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first, second);
        Assert.Equal(second, Sys.ResolveActorRef(second.Path));
    }
}
