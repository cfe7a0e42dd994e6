namespace ActorProc.Actors.Tests.Supervision;

public class GuardianEscalationSpec(ITestOutputHelper output)
    : TestKit("actorproc.actor.guardian-supervisor-strategy = escalate", output)
{
    private sealed class FatalException(string message) : Exception(message);

    private sealed class TopLevel : ReceiveActor
    {
        public TopLevel() => Receive<string>(s => throw new FatalException(s));
    }

    [Fact]
    public async Task A_failure_escalated_by_the_user_guardian_logs_an_error_and_terminates_the_system()
    {
        var actor = Sys.ActorOf(Props.Create<TopLevel>(), "top");

        EventFilter.Exception<FatalException>("fatal", source: "/user").ExpectOne(() => actor.Tell("fatal", TestActor));

        await Sys.WhenTerminated.WaitAsync(Dilated(TimeSpan.FromSeconds(5)));
        Assert.True(Sys.IsTerminating);
        Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create<TopLevel>()));
    }
}
