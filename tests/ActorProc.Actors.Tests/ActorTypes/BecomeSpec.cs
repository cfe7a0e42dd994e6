namespace ActorProc.Actors.Tests.ActorTypes;

public class BecomeSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Switch : ReceiveActor
    {
        public Switch() => Off();

        private void Off()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("off", Self));
            Receive<string>(s => s == "toggle", _ => Become(On));
            Receive<string>(s => s == "push", _ => BecomeStacked(Pushed));
        }

        private void On()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("on", Self));
            Receive<string>(s => s == "toggle", _ => Become(Off));
            Receive<string>(s => s == "push", _ => BecomeStacked(Pushed));
        }

        private void Pushed()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("pushed", Self));
            Receive<string>(s => s == "pop", _ => UnbecomeStacked());
            Receive<string>(s => s == "push", _ => BecomeStacked(Pushed));
        }
    }

    [Fact]
    public void Become_replaces_the_behavior()
    {
        var actor = Sys.ActorOf(Props.Create<Switch>());

        actor.Tell("state", TestActor);
        actor.Tell("toggle", TestActor);
        actor.Tell("state", TestActor);
        actor.Tell("toggle", TestActor);
        actor.Tell("state", TestActor);

        ExpectMsg("off");
        ExpectMsg("on");
        ExpectMsg("off");
    }

    [Fact]
    public void BecomeStacked_and_UnbecomeStacked_return_to_the_previous_behavior()
    {
        var actor = Sys.ActorOf(Props.Create<Switch>());

        actor.Tell("toggle", TestActor);
        actor.Tell("push", TestActor);
        actor.Tell("push", TestActor);
        actor.Tell("state", TestActor);
        actor.Tell("pop", TestActor);
        actor.Tell("state", TestActor);
        actor.Tell("pop", TestActor);
        actor.Tell("state", TestActor);

        ExpectMsg("pushed");
        ExpectMsg("pushed");
        ExpectMsg("on");
    }

    [Fact]
    public void UnbecomeStacked_past_the_bottom_falls_back_to_the_initial_behavior()
    {
        var actor = Sys.ActorOf(Props.Create<Switch>());

        actor.Tell("push", TestActor);
        actor.Tell("pop", TestActor);
        actor.Tell("state", TestActor);

        ExpectMsg("off");
    }
}
