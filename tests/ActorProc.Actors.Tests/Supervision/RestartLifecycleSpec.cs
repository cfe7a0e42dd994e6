namespace ActorProc.Actors.Tests.Supervision;

public class RestartLifecycleSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Hooks : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Hooks(IActorRef probe)
        {
            _probe = probe;
            probe.Tell("ctor");
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("restart me"));
            Receive<string>(s => s == "spawn", _ => Sender.Tell(Context.ActorOf(Props.Create(() => new ChildHooks(probe)), "child"), Self));
        }

        protected override void PreStart() => _probe.Tell("PreStart");

        protected override void PostStop() => _probe.Tell("PostStop");

        protected override void PreRestart(Exception reason, object? message)
        {
            _probe.Tell($"PreRestart({reason.Message}, {message})");
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            _probe.Tell($"PostRestart({reason.Message})");
            base.PostRestart(reason);
        }
    }

    private sealed class ChildHooks : ReceiveActor
    {
        private readonly IActorRef _probe;

        public ChildHooks(IActorRef probe) => _probe = probe;

        protected override void PostStop() => _probe.Tell("child PostStop");
    }

    [Fact]
    public void Restart_directive_runs_lifecycle_hooks_in_Akka_order()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Hooks(TestActor)));
        ExpectMsg("ctor");
        ExpectMsg("PreStart");

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => actor.Tell("fail", TestActor));

        ExpectMsg("PreRestart(restart me, fail)");
        ExpectMsg("PostStop");
        ExpectMsg("ctor");
        ExpectMsg("PostRestart(restart me)");
        ExpectMsg("PreStart");
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void The_default_PreRestart_stops_the_children_before_the_new_instance_starts()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Hooks(TestActor)));
        ExpectMsg("ctor");
        ExpectMsg("PreStart");
        actor.Tell("spawn", TestActor);
        var child = ExpectMsg<IActorRef>();
        var probe = CreateTestProbe();
        probe.Watch(child);

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => actor.Tell("fail", TestActor));

        ExpectMsg("PreRestart(restart me, fail)");
        var afterRestart = ReceiveN(5).Cast<string>().ToList();
        Assert.Contains("child PostStop", afterRestart);
        Assert.True(afterRestart.IndexOf("child PostStop") < afterRestart.IndexOf("ctor"), string.Join(", ", afterRestart));
        Assert.Equal(["PostStop", "ctor", "PostRestart(restart me)", "PreStart"], afterRestart.Where(m => m != "child PostStop"));
        probe.ExpectTerminated(child);
    }
}
