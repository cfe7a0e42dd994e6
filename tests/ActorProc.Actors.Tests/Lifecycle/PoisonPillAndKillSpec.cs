namespace ActorProc.Actors.Tests.Lifecycle;

public class PoisonPillAndKillSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Recorder : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Recorder(IActorRef probe)
        {
            _probe = probe;
            ReceiveAny(m => probe.Tell(m));
        }

        protected override void PostStop() => _probe.Tell("stopped");
    }

    [Fact]
    public void PoisonPill_stops_the_actor_after_the_messages_sent_before_it()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Recorder(TestActor)));
        Watch(actor);
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);

        actor.Tell(1, TestActor);
        actor.Tell(2, TestActor);
        actor.Tell(PoisonPill.Instance, TestActor);
        actor.Tell(3, TestActor);

        ExpectMsg(1);
        ExpectMsg(2);
        ExpectMsg("stopped");
        var rest = ReceiveN(2);
        Assert.Contains(rest, m => m is DeadLetter { Message: 3 });
        Assert.Contains(rest, m => m is Terminated t && t.ActorRef.Equals(actor));
    }

    [Fact]
    public void Kill_fails_the_actor_with_ActorKilledException_and_the_default_strategy_stops_it()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Recorder(TestActor)));
        Watch(actor);

        EventFilter.Exception<ActorKilledException>().ExpectOne(() => actor.Tell(Kill.Instance, TestActor));

        ExpectMsg("stopped");
        ExpectTerminated(actor);
    }
}
