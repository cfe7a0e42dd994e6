namespace ActorProc.Actors.Tests.Timeouts;

public class ReceiveTimeoutSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Quiet : INotInfluenceReceiveTimeout
    {
    }

    private sealed class Idle : ReceiveActor
    {
        public Idle(IActorRef probe, TimeSpan timeout)
        {
            SetReceiveTimeout(timeout);
            Receive<ReceiveTimeout>(_ => probe.Tell("timeout"));
            Receive<string>(s => s == "cancel", _ =>
            {
                SetReceiveTimeout(null);
                probe.Tell(Context.ReceiveTimeout?.ToString() ?? "cancelled");
            });
            ReceiveAny(_ => { });
        }
    }

    [Fact]
    public void ReceiveTimeout_fires_after_the_actor_was_idle_and_then_repeats()
    {
        Sys.ActorOf(Props.Create(() => new Idle(TestActor, TimeSpan.FromMilliseconds(100))));

        ExpectMsg("timeout", TimeSpan.FromSeconds(2));
        ExpectMsg("timeout", TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Messages_reset_the_receive_timeout()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Idle(TestActor, TimeSpan.FromMilliseconds(300))));
        var ticks = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(30), actor, "keep-alive", null);
        try
        {
            ExpectNoMsg(TimeSpan.FromMilliseconds(200));
            ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        }
        finally
        {
            ticks.Cancel();
        }

        ExpectMsg("timeout", TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Messages_marked_INotInfluenceReceiveTimeout_do_not_reset_it()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Idle(TestActor, TimeSpan.FromMilliseconds(200))));
        var ticks = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(20), actor, new Quiet(), null);
        try
        {
            ExpectMsg("timeout", TimeSpan.FromSeconds(2));
        }
        finally
        {
            ticks.Cancel();
        }
    }

    [Fact]
    public void Setting_the_receive_timeout_to_null_cancels_it()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Idle(TestActor, TimeSpan.FromMilliseconds(100))));

        actor.Tell("cancel", TestActor);

        ExpectMsg("cancelled");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
