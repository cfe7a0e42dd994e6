namespace ActorProc.Actors.Tests.Messaging;

public class TellSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
    }

    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef target)
        {
            Receive<string>(s => s == "implicit", _ => target.Tell("from-relay"));
            Receive<string>(s => s == "forward", s => target.Forward(s));
        }
    }

    [Fact]
    public void Messages_from_one_sender_arrive_in_the_order_they_were_sent()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        for (var i = 0; i < 500; i++)
        {
            echo.Tell(i, TestActor);
        }

        var received = ReceiveN(500);
        Assert.Equal(Enumerable.Range(0, 500).Cast<object>(), received);
    }

    [Fact]
    public void Tell_without_sender_inside_an_actor_uses_the_actor_as_sender()
    {
        var relay = Sys.ActorOf(Props.Create(() => new Relay(TestActor)), "relay");

        relay.Tell("implicit", ActorRefs.NoSender);

        ExpectMsg("from-relay");
        Assert.Equal(relay, LastSender);
    }

    [Fact]
    public void Tell_without_sender_outside_an_actor_has_no_sender()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);

        echo.Tell("reply-goes-nowhere");

        var dead = ExpectMsg<DeadLetter>(d => Equals(d.Message, "reply-goes-nowhere"));
        Assert.Equal(echo, dead.Sender);
    }

    [Fact]
    public void Forward_keeps_the_original_sender()
    {
        var relay = Sys.ActorOf(Props.Create(() => new Relay(TestActor)));
        var original = CreateTestProbe("original");

        relay.Tell("forward", original.Ref);

        ExpectMsg("forward");
        Assert.Equal(original.Ref, LastSender);
    }

    [Fact]
    public void Tell_with_a_null_message_throws()
    {
        var echo = Sys.ActorOf(Props.Create<Echo>());

        Assert.Throws<ArgumentNullException>(() => echo.Tell(null!, TestActor));
    }
}
