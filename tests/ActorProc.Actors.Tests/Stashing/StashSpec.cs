namespace ActorProc.Actors.Tests.Stashing;

public class StashSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Opener : ReceiveActor, IWithStash
    {
        public Opener(IActorRef probe)
        {
            Receive<string>(s => s == "open", _ =>
            {
                Stash.UnstashAll();
                Become(() =>
                {
                    Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("boom"));
                    ReceiveAny(m => probe.Tell(m));
                });
            });
            Receive<string>(s => s == "twice", _ =>
            {
                Stash.Stash();
                try
                {
                    Stash.Stash();
                    probe.Tell("stashed twice");
                }
                catch (InvalidOperationException e)
                {
                    probe.Tell(e);
                }
            });
            Receive<string>(s => s == "count", _ => probe.Tell(Stash.Count));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("boom"));
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }

    [Fact]
    public void UnstashAll_replays_stashed_messages_in_order_before_newer_ones()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Opener(TestActor)));

        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell(3, TestActor);
        actor.Tell("open", TestActor);
        actor.Tell(4, TestActor);

        Assert.Equal([1, 2, 3, 4], ReceiveN(4).Cast<int>());
    }

    [Fact]
    public void Stashing_the_same_message_twice_throws()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Opener(TestActor)));

        actor.Tell("twice", TestActor);

        ExpectMsg<InvalidOperationException>(e => e.Message.Contains("already stashed", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_message_instance_received_twice_can_be_stashed_twice()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Opener(TestActor)));
        var message = new object();

        actor.Tell(message, TestActor);
        actor.Tell(message, TestActor);
        actor.Tell("count", TestActor);

        ExpectMsg(2);
    }

    [Fact]
    public void Stashed_messages_survive_a_restart()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Opener(TestActor)));

        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        EventFilter.Exception<InvalidOperationException>("boom").ExpectOne(() => actor.Tell("fail", TestActor));
        actor.Tell("open", TestActor);

        Assert.Equal([1, 2], ReceiveN(2).Cast<int>());
    }

    [Fact]
    public void Stashed_messages_go_to_dead_letters_when_the_actor_stops()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Opener(TestActor)));
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);

        actor.Tell("first", TestActor);
        actor.Tell("second", TestActor);
        actor.Tell(PoisonPill.Instance, TestActor);

        var dead = ReceiveN(2).Cast<DeadLetter>().ToArray();
        Assert.Equal(["first", "second"], dead.Select(d => d.Message));
        Assert.All(dead, d => Assert.Equal(actor, d.Recipient));
    }
}
