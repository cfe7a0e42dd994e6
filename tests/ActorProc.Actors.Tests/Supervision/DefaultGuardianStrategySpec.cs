namespace ActorProc.Actors.Tests.Supervision;

public class DefaultGuardianStrategySpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class TopLevel : ReceiveActor
    {
        private int _count;

        public TopLevel()
        {
            Receive<string>(s => s == "inc", _ => _count++);
            Receive<string>(s => s == "get", _ => Sender.Tell(_count, Self));
            Receive<string>(s => throw new InvalidOperationException(s));
        }
    }

    [Fact]
    public void The_default_guardian_strategy_restarts_a_failing_top_level_actor()
    {
        var actor = Sys.ActorOf(Props.Create<TopLevel>());
        actor.Tell("inc", TestActor);

        EventFilter.Exception<InvalidOperationException>("fail").ExpectOne(() => actor.Tell("fail", TestActor));
        actor.Tell("get", TestActor);

        ExpectMsg(0);
    }
}
