using ActorProc.Actors.Dispatch;

namespace ActorProc.Actors.Tests.Mailboxes;

public class BoundedMailboxSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Blockable : ReceiveActor
    {
        public Blockable(IActorRef probe)
        {
            Receive<Gate>(g => g.Block(probe, Self));
            ReceiveAny(m => probe.Tell(m));
        }
    }

    private IActorRef StartBlocked(Props props, Gate gate)
    {
        var actor = Sys.ActorOf(props);
        actor.Tell(gate, TestActor);
        ExpectMsg(Gate.Blocked);
        return actor;
    }

    [Fact]
    public void DropNewest_sends_the_arriving_message_to_dead_letters_when_full()
    {
        var gate = new Gate();
        var actor = StartBlocked(Props.Create(() => new Blockable(TestActor)).WithBoundedMailbox(2, OverflowPolicy.DropNewest), gate);
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);

        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell(3, TestActor);
        var dead = ExpectMsg<DeadLetter>();
        gate.Release();

        Assert.Equal(3, dead.Message);
        Assert.Equal(actor, dead.Recipient);
        ExpectMsg(1);
        ExpectMsg(2);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void DropOldest_sends_the_oldest_queued_message_to_dead_letters_when_full()
    {
        var gate = new Gate();
        var actor = StartBlocked(Props.Create(() => new Blockable(TestActor)).WithBoundedMailbox(2, OverflowPolicy.DropOldest), gate);
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);

        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell(3, TestActor);
        var dead = ExpectMsg<DeadLetter>();
        gate.Release();

        Assert.Equal(1, dead.Message);
        ExpectMsg(2);
        ExpectMsg(3);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Throw_makes_Tell_throw_MailboxOverflowException_and_queues_nothing()
    {
        var gate = new Gate();
        var actor = StartBlocked(Props.Create(() => new Blockable(TestActor)).WithBoundedMailbox(2, OverflowPolicy.Throw), gate);

        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        Assert.Throws<MailboxOverflowException>(() => actor.Tell(3, TestActor));
        gate.Release();

        ExpectMsg(1);
        ExpectMsg(2);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        actor.Tell(4, TestActor);
        ExpectMsg(4);
    }

    [Fact]
    public void A_mailbox_named_in_HOCON_is_used_by_Props_WithMailbox()
    {
        using var system = ActorSystem.Create("named-mailbox", """
            actorproc.actor.mailboxes.small { type = bounded, capacity = 2, overflow = drop-oldest }
            """);
        var gate = new Gate();
        var probe = CreateTestProbe();
        system.EventStream.Subscribe<DeadLetter>(probe.Ref);
        var actor = system.ActorOf(Props.Create(() => new Blockable(probe.Ref)).WithMailbox("small"));
        actor.Tell(gate, probe.Ref);
        probe.ExpectMsg(Gate.Blocked);

        actor.Tell("a", probe.Ref);
        actor.Tell("b", probe.Ref);
        actor.Tell("c", probe.Ref);
        var dead = probe.ExpectMsg<DeadLetter>();
        gate.Release();

        Assert.Equal("a", dead.Message);
        probe.ExpectMsg("b");
        probe.ExpectMsg("c");
    }

    [Fact]
    public void An_unknown_mailbox_name_is_rejected_by_ActorOf()
    {
        var e = Assert.Throws<ArgumentException>(() => Sys.ActorOf(Props.Create(() => new Blockable(TestActor)).WithMailbox("missing")));
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
    }
}
