namespace ActorProc.Actors.Tests.DeathWatch;

public class DeathWatchSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed record WatchIt(IActorRef Target, object? Custom = null);

    private sealed record UnwatchIt(IActorRef Target);

    private sealed record Died(string Name);

    /// <summary>What the watcher reports: a Terminated told on to another actor is dropped there (it watches nothing), as in Akka.</summary>
    private sealed record Observed(Terminated Terminated);

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe, bool handleTerminated = true)
        {
            Receive<WatchIt>(w =>
            {
                if (w.Custom is null)
                {
                    Context.Watch(w.Target);
                }
                else
                {
                    Context.WatchWith(w.Target, w.Custom);
                }

                Sender.Tell("watching", Self);
            });
            Receive<UnwatchIt>(u =>
            {
                Context.Unwatch(u.Target);
                Sender.Tell("unwatched", Self);
            });
            Receive<Gate>(g => g.Block(probe, Self));
            Receive<Props>(p =>
            {
                var child = Context.ActorOf(p, "child");
                Context.Watch(child);
                Sender.Tell(child, Self);
            });
            if (handleTerminated)
            {
                Receive<Terminated>(t => probe.Tell(new Observed(t)));
            }

            Receive<Died>(d => probe.Tell(d));
            Receive<string>(s => s == "stop-child", _ => Context.Stop(Context.Child("child")));
        }
    }

    private sealed class Target : ReceiveActor
    {
        public Target() => Receive<string>(_ => { });
    }

    private IActorRef NewWatcher(bool handleTerminated = true) =>
        Sys.ActorOf(Props.Create(() => new Watcher(TestActor, handleTerminated)));

    private void Stopped(IActorRef target)
    {
        var probe = CreateTestProbe();
        probe.Watch(target);
        Sys.Stop(target);
        probe.ExpectTerminated(target);
    }

    [Fact]
    public void Watching_twice_delivers_exactly_one_Terminated()
    {
        var watcher = NewWatcher();
        var target = Sys.ActorOf(Props.Create<Target>());
        watcher.Tell(new WatchIt(target), TestActor);
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");
        ExpectMsg("watching");

        Sys.Stop(target);

        var terminated = ExpectMsg<Observed>().Terminated;
        Assert.Equal(target, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
        ExpectNoMsg(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public void Watching_an_already_dead_actor_delivers_Terminated_at_once()
    {
        var target = Sys.ActorOf(Props.Create<Target>());
        Stopped(target);
        var watcher = NewWatcher();

        watcher.Tell(new WatchIt(target), TestActor);

        ExpectMsg("watching");
        var terminated = ExpectMsg<Observed>().Terminated;
        Assert.Equal(target, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Watching_a_path_where_no_actor_lives_delivers_Terminated_without_confirmed_existence()
    {
        var nothing = Sys.ResolveActorRef(new RootActorPath(Sys.Address) / "user/never-existed");
        var watcher = NewWatcher();

        watcher.Tell(new WatchIt(nothing), TestActor);

        ExpectMsg("watching");
        var terminated = ExpectMsg<Observed>().Terminated;
        Assert.Equal(nothing, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Unwatch_before_the_target_stops_prevents_the_Terminated()
    {
        var watcher = NewWatcher();
        var target = Sys.ActorOf(Props.Create<Target>());
        watcher.Tell(new WatchIt(target), TestActor);
        watcher.Tell(new UnwatchIt(target), TestActor);
        ExpectMsg("watching");
        ExpectMsg("unwatched");

        Stopped(target);

        ExpectNoMsg(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public void Unwatch_drops_a_Terminated_that_is_already_queued()
    {
        var watcher = NewWatcher();
        var target = Sys.ActorOf(Props.Create<Target>());
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");
        var gate = new Gate();
        watcher.Tell(gate, TestActor);
        ExpectMsg(Gate.Blocked);

        // Queued behind the gate: when the watcher is released it first learns of the death (the Terminated
        // is queued after this Unwatch), then processes the Unwatch, then meets the queued Terminated.
        watcher.Tell(new UnwatchIt(target), TestActor);
        Stopped(target);
        gate.Release();

        ExpectMsg("unwatched");
        ExpectNoMsg(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public void An_unhandled_Terminated_fails_the_watcher_with_DeathPactException()
    {
        var watcher = NewWatcher(handleTerminated: false);
        var target = Sys.ActorOf(Props.Create<Target>());
        watcher.Tell(new WatchIt(target), TestActor);
        ExpectMsg("watching");
        Watch(watcher);

        EventFilter.Exception<DeathPactException>().ExpectOne(() => Sys.Stop(target));

        ExpectTerminated(watcher);
    }

    [Fact]
    public void WatchWith_delivers_the_custom_message_instead_of_Terminated()
    {
        var watcher = NewWatcher();
        var target = Sys.ActorOf(Props.Create<Target>());
        watcher.Tell(new WatchIt(target, new Died("target")), TestActor);
        ExpectMsg("watching");

        Sys.Stop(target);

        ExpectMsg(new Died("target"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_parent_watching_its_child_gets_Terminated_when_it_stops_the_child()
    {
        var parent = NewWatcher();
        parent.Tell(Props.Create<Target>(), TestActor);
        var child = ExpectMsg<IActorRef>();

        parent.Tell("stop-child", TestActor);

        Assert.Equal(child, ExpectMsg<Observed>().Terminated.ActorRef);
    }

    [Fact]
    public void A_Terminated_told_to_an_actor_that_does_not_watch_the_subject_is_dropped()
    {
        var watcher = NewWatcher();
        var target = Sys.ActorOf(Props.Create<Target>());
        Sys.EventStream.Subscribe<UnhandledMessage>(TestActor);

        watcher.Tell(new Terminated(target, existenceConfirmed: true, addressTerminated: false), TestActor);
        watcher.Tell(new Died("marker"), TestActor);

        ExpectMsg(new Died("marker"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void The_TestKit_Watch_and_ExpectTerminated_observe_a_stop()
    {
        var target = Sys.ActorOf(Props.Create<Target>());

        Watch(target);
        target.Tell(PoisonPill.Instance, TestActor);

        Assert.Equal(target, ExpectTerminated(target).ActorRef);
    }
}
