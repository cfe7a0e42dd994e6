namespace ActorProc.Actors.Tests.TestKitFeatures;

public class EventFilterSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Thrower : ReceiveActor
    {
        public Thrower()
        {
            Receive<string>(s => s == "warn", _ => Context.GetLogger().Warning("a warning"));
            Receive<string>(s => s == "error", _ => Context.GetLogger().Error("an error"));
            Receive<string>(s => throw new ArgumentException(s));
        }
    }

    [Fact]
    public void ExpectOne_passes_when_exactly_one_matching_event_is_logged()
    {
        var actor = Sys.ActorOf(Props.Create<Thrower>());

        EventFilter.Exception<ArgumentException>("bad input").ExpectOne(() => actor.Tell("bad input", TestActor));
        EventFilter.Warning("a warning").ExpectOne(() => actor.Tell("warn", TestActor));
        EventFilter.Error(contains: "an err").ExpectOne(() => actor.Tell("error", TestActor));
    }

    [Fact]
    public void Expect_fails_when_the_count_does_not_match()
    {
        var actor = Sys.ActorOf(Props.Create<Thrower>());

        Assert.ThrowsAny<Exception>(() => EventFilter.Warning("a warning").Expect(2, () => actor.Tell("warn", TestActor)));
        Assert.ThrowsAny<Exception>(() => EventFilter.Error("never logged").ExpectOne(() => actor.Tell("warn", TestActor)));
    }

    [Fact]
    public void Mute_hides_matching_events_until_disposed()
    {
        var actor = Sys.ActorOf(Props.Create<Thrower>());
        Sys.EventStream.Subscribe<LogEvent>(TestActor);

        using (EventFilter.Warning().Mute())
        {
            actor.Tell("warn", TestActor);
            actor.Tell("error", TestActor);
            Assert.Equal("an error", FishForMessage<LogEvent>(e => e.Message.StartsWith("a", StringComparison.Ordinal)).Message);
        }

        actor.Tell("warn", TestActor);
        Assert.Equal("a warning", FishForMessage<LogEvent>(e => e.Message.StartsWith("a", StringComparison.Ordinal)).Message);
    }
}
