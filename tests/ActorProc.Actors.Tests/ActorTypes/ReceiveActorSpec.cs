namespace ActorProc.Actors.Tests.ActorTypes;

public class ReceiveActorSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Typed : ReceiveActor
    {
        public Typed(IActorRef probe)
        {
            Receive<int>(i => i < 0, i => probe.Tell($"negative {i}"));
            Receive<int>(i => probe.Tell($"int {i}"));
            Receive<string>(s =>
            {
                if (s.StartsWith('!'))
                {
                    probe.Tell($"func {s}");
                    return true;
                }

                return false;
            });
            Receive<string>(s => probe.Tell($"string {s}"), s => s.Length < 5);
            ReceiveAny(m => probe.Tell($"any {m}"));
        }
    }

    private sealed class NoAny : ReceiveActor
    {
        public NoAny(IActorRef probe) => Receive<int>(i => probe.Tell(i));
    }

    private sealed class LateRegistration : ReceiveActor
    {
        public LateRegistration(IActorRef probe) =>
            Receive<string>(_ =>
            {
                try
                {
                    Receive<int>(_ => { });
                    probe.Tell("registered");
                }
                catch (InvalidOperationException e)
                {
                    probe.Tell(e);
                }
            });
    }

    [Fact]
    public void The_first_handler_whose_type_and_predicate_match_handles_the_message()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Typed(TestActor)));

        actor.Tell(-3, TestActor);
        actor.Tell(7, TestActor);
        actor.Tell("!bang", TestActor);
        actor.Tell("abc", TestActor);
        actor.Tell("a long string", TestActor);
        actor.Tell(2.5, TestActor);

        ExpectMsg("negative -3");
        ExpectMsg("int 7");
        ExpectMsg("func !bang");
        ExpectMsg("string abc");
        ExpectMsg("any a long string");
        ExpectMsg("any 2.5");
    }

    [Fact]
    public void A_message_no_handler_matches_is_published_as_UnhandledMessage()
    {
        var actor = Sys.ActorOf(Props.Create(() => new NoAny(TestActor)));
        Sys.EventStream.Subscribe<UnhandledMessage>(TestActor);

        actor.Tell("nobody handles me", TestActor);

        var unhandled = ExpectMsg<UnhandledMessage>();
        Assert.Equal("nobody handles me", unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
        Assert.Equal(TestActor, unhandled.Sender);
    }

    [Fact]
    public void Registering_a_handler_outside_the_constructor_throws()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LateRegistration(TestActor)));

        actor.Tell("go", TestActor);

        var e = ExpectMsg<InvalidOperationException>();
        Assert.Contains("constructor", e.Message, StringComparison.Ordinal);
    }
}
