namespace ActorProc.Actors.Tests.Events;

public class EventStreamSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private interface IAnimal
    {
    }

    private class Animal : IAnimal
    {
        public override string ToString() => GetType().Name;
    }

    private sealed class Dog : Animal
    {
    }

    private sealed class Rock
    {
    }

    private sealed class Mute : ReceiveActor
    {
        public Mute() => Receive<int>(_ => { });
    }

    [Fact]
    public void Subscribers_get_events_of_the_subscribed_type_and_its_subtypes_only()
    {
        Assert.True(Sys.EventStream.Subscribe<Animal>(TestActor));
        var dog = new Dog();

        Sys.EventStream.Publish(new Rock());
        Sys.EventStream.Publish(dog);

        Assert.Same(dog, ExpectMsg<Dog>());
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Subscribing_to_an_interface_receives_every_implementation()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(IAnimal));

        Sys.EventStream.Publish(new Animal());
        Sys.EventStream.Publish(new Dog());

        probe.ExpectMsg<Animal>(a => a.GetType() == typeof(Animal));
        probe.ExpectMsg<Dog>();
    }

    [Fact]
    public void Subscribing_twice_is_reported_and_delivers_once()
    {
        Assert.True(Sys.EventStream.Subscribe<Dog>(TestActor));
        Assert.False(Sys.EventStream.Subscribe<Dog>(TestActor));

        Sys.EventStream.Publish(new Dog());

        ExpectMsg<Dog>();
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Unsubscribe_stops_delivery()
    {
        Sys.EventStream.Subscribe<Dog>(TestActor);
        Sys.EventStream.Subscribe<Animal>(TestActor);

        Assert.True(Sys.EventStream.Unsubscribe(TestActor, typeof(Dog)));
        Sys.EventStream.Publish(new Dog());
        ExpectMsg<Dog>();
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        Sys.EventStream.Unsubscribe(TestActor);
        Sys.EventStream.Publish(new Dog());
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Messages_to_a_stopped_actor_are_published_as_dead_letters()
    {
        var actor = Sys.ActorOf(Props.Create<Mute>());
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);

        actor.Tell("too late", TestActor);

        var dead = ExpectMsg<DeadLetter>();
        Assert.Equal("too late", dead.Message);
        Assert.Equal(TestActor, dead.Sender);
        Assert.Equal(actor, dead.Recipient);
    }

    [Fact]
    public void Unhandled_messages_are_published_as_UnhandledMessage()
    {
        var actor = Sys.ActorOf(Props.Create<Mute>());
        Sys.EventStream.Subscribe<UnhandledMessage>(TestActor);

        actor.Tell("not an int", TestActor);

        var unhandled = ExpectMsg<UnhandledMessage>();
        Assert.Equal("not an int", unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
    }
}
