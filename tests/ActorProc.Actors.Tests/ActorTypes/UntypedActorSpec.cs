namespace ActorProc.Actors.Tests.ActorTypes;

public class UntypedActorSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Counter(IActorRef probe) : UntypedActor
    {
        private int _count;

        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "inc":
                    _count++;
                    break;
                case "get":
                    Sender.Tell(_count, Self);
                    break;
                case "swap":
                    BecomeStacked(m =>
                    {
                        if (m is "back")
                        {
                            UnbecomeStacked();
                        }
                        else
                        {
                            probe.Tell($"swapped {m}");
                        }
                    });
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }
    }

    [Fact]
    public void OnReceive_gets_every_message_and_state_persists_between_messages()
    {
        var counter = Sys.ActorOf(Props.Create(() => new Counter(TestActor)));

        counter.Tell("inc", TestActor);
        counter.Tell("inc", TestActor);
        counter.Tell("get", TestActor);

        ExpectMsg(2);
    }

    [Fact]
    public void Calling_Unhandled_publishes_an_UnhandledMessage()
    {
        var counter = Sys.ActorOf(Props.Create(() => new Counter(TestActor)));
        Sys.EventStream.Subscribe<UnhandledMessage>(TestActor);

        counter.Tell(42, TestActor);

        Assert.Equal(42, ExpectMsg<UnhandledMessage>().Message);
    }

    [Fact]
    public void BecomeStacked_switches_handler_and_UnbecomeStacked_returns_to_OnReceive()
    {
        var counter = Sys.ActorOf(Props.Create(() => new Counter(TestActor)));

        counter.Tell("swap", TestActor);
        counter.Tell("inc", TestActor);
        counter.Tell("back", TestActor);
        counter.Tell("inc", TestActor);
        counter.Tell("get", TestActor);

        ExpectMsg("swapped inc");
        ExpectMsg(1);
    }
}
