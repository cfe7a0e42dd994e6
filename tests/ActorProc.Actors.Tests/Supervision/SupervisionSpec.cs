namespace ActorProc.Actors.Tests.Supervision;

public class SupervisionSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class ResumeException(string message) : Exception(message);

    private sealed class RestartException(string message) : Exception(message);

    private sealed class StopException(string message) : Exception(message);

    private sealed class EscalateException(string message) : Exception(message);

    private sealed record Spawn(string Name, Props Props);

    private static Directive Decide(Exception e) => e switch
    {
        ResumeException => Directive.Resume,
        RestartException => Directive.Restart,
        StopException => Directive.Stop,
        EscalateException => Directive.Escalate,
        _ => SupervisorStrategy.DefaultDecider(e),
    };

    private sealed class Supervisor : ReceiveActor
    {
        private readonly SupervisorStrategy _strategy;

        public Supervisor(SupervisorStrategy strategy, IActorRef probe)
        {
            _strategy = strategy;
            Receive<Spawn>(s => Sender.Tell(Context.ActorOf(s.Props, s.Name), Self));
            ReceiveAny(m => probe.Tell(m));
        }

        protected override SupervisorStrategy SupervisorStrategy() => _strategy;
    }

    private sealed class Grandparent : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Grandparent(IActorRef probe)
        {
            _probe = probe;
            Receive<Spawn>(s => Sender.Tell(Context.ActorOf(s.Props, s.Name), Self));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
        {
            _probe.Tell($"grandparent decides on {e.GetType().Name}: {e.Message}");
            return Directive.Stop;
        });
    }

    private sealed class Child : ReceiveActor
    {
        private int _state;

        public Child(IActorRef probe)
        {
            Receive<Exception>(e => throw e);
            Receive<string>(s => s == "inc", _ => _state++);
            Receive<string>(s => s == "state", _ => Sender.Tell(_state, Self));
            Receive<Spawn>(s => Sender.Tell(Context.ActorOf(s.Props, s.Name), Self));
            Receive<string>(s => probe.Tell($"{Self.Path.Name}: {s}"));
        }
    }

    private IActorRef SpawnChild(IActorRef parent, string name, Props? props = null)
    {
        parent.Tell(new Spawn(name, props ?? Props.Create(() => new Child(TestActor))), TestActor);
        return ExpectMsg<IActorRef>();
    }

    private IActorRef CreateSupervisor(SupervisorStrategy strategy) =>
        Sys.ActorOf(Props.Create(() => new Supervisor(strategy, TestActor)));

    private void State(IActorRef child, int expected)
    {
        child.Tell("state", TestActor);
        ExpectMsg(expected);
    }

    [Fact]
    public void Resume_keeps_the_child_and_its_state()
    {
        var child = SpawnChild(CreateSupervisor(new OneForOneStrategy(Decide)), "child");
        child.Tell("inc", TestActor);
        child.Tell("inc", TestActor);

        EventFilter.Exception<ResumeException>().ExpectOne(() => child.Tell(new ResumeException("resume me"), TestActor));

        State(child, 2);
    }

    [Fact]
    public void Restart_replaces_the_instance_so_state_starts_over()
    {
        var child = SpawnChild(CreateSupervisor(new OneForOneStrategy(Decide)), "child");
        child.Tell("inc", TestActor);
        State(child, 1);

        EventFilter.Exception<RestartException>().ExpectOne(() => child.Tell(new RestartException("restart me"), TestActor));

        State(child, 0);
    }

    [Fact]
    public void Stop_stops_the_child()
    {
        var child = SpawnChild(CreateSupervisor(new OneForOneStrategy(Decide)), "child");
        Watch(child);

        EventFilter.Exception<StopException>().ExpectOne(() => child.Tell(new StopException("stop me"), TestActor));

        ExpectTerminated(child);
    }

    [Fact]
    public void Escalate_hands_the_failure_to_the_grandparent()
    {
        var grandparent = Sys.ActorOf(Props.Create(() => new Grandparent(TestActor)));
        var parent = SpawnChild(grandparent, "parent", Props.Create(() => new Supervisor(new OneForOneStrategy(Decide), TestActor)));
        var child = SpawnChild(parent, "child");
        Watch(parent);
        Watch(child);

        EventFilter.Exception<EscalateException>().ExpectOne(() => child.Tell(new EscalateException("too big for my parent"), TestActor));

        ExpectMsg("grandparent decides on EscalateException: too big for my parent");
        var terminated = ReceiveN(2).Cast<Terminated>().Select(t => t.ActorRef).ToHashSet();
        Assert.Equal([parent, child], terminated);
    }

    [Fact]
    public void Exceeding_maxNrOfRetries_within_the_time_range_stops_the_child()
    {
        var strategy = new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart);
        var child = SpawnChild(CreateSupervisor(strategy), "child");
        Watch(child);

        EventFilter.Exception<RestartException>().Expect(3, () =>
        {
            child.Tell(new RestartException("1"), TestActor);
            State(child, 0);
            child.Tell(new RestartException("2"), TestActor);
            State(child, 0);
            child.Tell(new RestartException("3"), TestActor);
        });

        ExpectTerminated(child);
    }

    [Fact]
    public void Restarts_within_the_limit_keep_the_child_alive()
    {
        var strategy = new OneForOneStrategy(2, null, _ => Directive.Restart);
        var child = SpawnChild(CreateSupervisor(strategy), "child");

        EventFilter.Exception<RestartException>().Expect(2, () =>
        {
            child.Tell(new RestartException("1"), TestActor);
            child.Tell(new RestartException("2"), TestActor);
        });

        State(child, 0);
    }

    [Fact]
    public void AllForOne_restart_restarts_every_sibling()
    {
        var parent = CreateSupervisor(new AllForOneStrategy(Decide));
        var first = SpawnChild(parent, "first");
        var second = SpawnChild(parent, "second");
        first.Tell("inc", TestActor);
        second.Tell("inc", TestActor);
        State(first, 1);
        State(second, 1);

        EventFilter.Exception<RestartException>().ExpectOne(() => first.Tell(new RestartException("all of you"), TestActor));

        State(first, 0);
        State(second, 0);
    }

    [Fact]
    public void AllForOne_stop_stops_every_sibling()
    {
        var parent = CreateSupervisor(new AllForOneStrategy(Decide));
        var first = SpawnChild(parent, "first");
        var second = SpawnChild(parent, "second");
        Watch(first);
        Watch(second);

        EventFilter.Exception<StopException>().ExpectOne(() => second.Tell(new StopException("all of you"), TestActor));

        var terminated = ReceiveN(2).Cast<Terminated>().Select(t => t.ActorRef).ToHashSet();
        Assert.Equal([first, second], terminated);
    }

    [Fact]
    public void A_strategy_given_in_Props_overrides_the_actor_own_strategy()
    {
        var props = Props.Create(() => new Supervisor(new OneForOneStrategy(_ => Directive.Resume), TestActor))
            .WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Stop));
        var child = SpawnChild(Sys.ActorOf(props), "child");
        Watch(child);

        EventFilter.Exception<ResumeException>().ExpectOne(() => child.Tell(new ResumeException("stopped anyway"), TestActor));

        ExpectTerminated(child);
    }

    [Fact]
    public void A_constructor_failure_becomes_ActorInitializationException_and_the_actor_is_stopped()
    {
        var parent = CreateSupervisor(SupervisorStrategy.DefaultStrategy);

        var child = EventFilter.Exception<ActorInitializationException>().ExpectOne(() =>
        {
            var c = SpawnChild(parent, "broken", Props.Create<BrokenConstructor>());
            Watch(c);
            return c;
        });

        ExpectTerminated(child);
    }

    private sealed class BrokenConstructor : ReceiveActor
    {
        public BrokenConstructor() => throw new InvalidOperationException("cannot construct");
    }
}
