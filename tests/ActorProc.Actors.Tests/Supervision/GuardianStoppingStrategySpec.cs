namespace ActorProc.Actors.Tests.Supervision;

public class GuardianStoppingStrategySpec(ITestOutputHelper output)
    : TestKit("actorproc.actor.guardian-supervisor-strategy = stopping", output)
{
    private sealed class TopLevel : ReceiveActor
    {
        public TopLevel() => Receive<string>(s => throw new InvalidOperationException(s));
    }

    [Fact]
    public void With_the_stopping_guardian_strategy_a_failing_top_level_actor_is_stopped_and_the_system_lives_on()
    {
        var actor = Sys.ActorOf(Props.Create<TopLevel>());
        Watch(actor);

        EventFilter.Exception<InvalidOperationException>("fail").ExpectOne(() => actor.Tell("fail", TestActor));

        ExpectTerminated(actor);
        Assert.False(Sys.WhenTerminated.IsCompleted);
        TestActor.Tell("still alive", null);
        ExpectMsg("still alive");
    }
}
