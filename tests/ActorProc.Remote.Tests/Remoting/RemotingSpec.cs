using ActorProc.Actors;
using ActorProc.Serialization;
using ActorProc.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

namespace ActorProc.Remote.Tests.Remoting;

/// <summary>Remoting between two actor systems of this process (both listening on Unix sockets).</summary>
public sealed class RemotingSpec : TestKit.Xunit2.TestKit
{
    private readonly RemoteExtension _local;
    private readonly ActorSystem _peer;
    private readonly RemoteExtension _peerRemote;
    private readonly IActorRef _peerEcho;

    public RemotingSpec(ITestOutputHelper output)
        : base(RemotingSupport.Config, output)
    {
        _local = RemoteExtension.Start(Sys, RemotingSupport.Key, TypeAllowList.CreateDefault().Deny(typeof(ForbiddenCommand)));
        _peer = ActorSystem.Create("peer", RemotingSupport.Config, Sys.LoggerFactory);
        _peerRemote = RemoteExtension.Start(_peer, RemotingSupport.Key);
        _peerEcho = _peer.ActorOf(Props.Create(() => new Echo()), "echo");
    }

    [Fact]
    public void Start_is_idempotent_and_registers_a_unix_address()
    {
        Assert.Same(_local, RemoteExtension.Start(Sys, RemotingSupport.Key));
        Assert.Same(_local, RemoteExtension.Get(Sys));
        Assert.Equal("actorproc.unix", _local.Address.Protocol);
        Assert.True(File.Exists(_local.Address.Host), "the socket file exists while the system runs");
        Assert.NotEqual(_local.Address, _peerRemote.Address);
    }

    [Fact]
    public async Task Tell_and_ask_cross_systems_with_the_sender_preserved()
    {
        var echo = RemoteRef(_peerEcho);
        Assert.IsType<RemoteActorRef>(echo);

        echo.Tell(new Greeting("Ann", 3), TestActor);
        ExpectMsg(new Greeting("Ann", 3));
        Assert.Equal(echo, LastSender);

        var reply = await echo.Ask<string>("ping", TimeSpan.FromSeconds(3));
        Assert.Equal("ping", reply);
    }

    [Fact]
    public void Many_messages_arrive_in_order()
    {
        var echo = RemoteRef(_peerEcho);
        for (var i = 0; i < 2000; i++)
        {
            echo.Tell(i, TestActor);
        }

        for (var i = 0; i < 2000; i++)
        {
            ExpectMsg(i);
        }
    }

    [Fact]
    public void Forward_keeps_the_original_sender_across_systems()
    {
        var forwarder = RemoteRef(_peer.ActorOf(Props.Create(() => new Forwarder()), "forwarder"));
        var probe = CreateTestProbe("origin");

        probe.Send(forwarder, new ForwardTo(TestActor, "forwarded"));

        ExpectMsg("forwarded");
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public void Watching_a_remote_actor_that_stops_gives_a_confirmed_termination()
    {
        var victim = RemoteRef(_peer.ActorOf(Props.Create(() => new Echo()), "victim"));
        Watch(victim);

        Sys.Stop(victim);

        var terminated = ExpectTerminated(victim);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
    }

    [Fact]
    public void A_poison_pill_told_across_systems_stops_the_actor()
    {
        var victim = RemoteRef(_peer.ActorOf(Props.Create(() => new Echo()), "poisoned"));
        Watch(victim);

        victim.Tell(PoisonPill.Instance, ActorRefs.NoSender);

        Assert.True(ExpectTerminated(victim).ExistenceConfirmed);
    }

    [Fact]
    public void Watching_a_remote_actor_that_does_not_exist_terminates_at_once_unconfirmed()
    {
        var ghost = Sys.ResolveActorRef(_peerEcho.Path.WithAddress(_peerRemote.Address).Parent.Child("ghost", 42));
        Watch(ghost);

        var terminated = ExpectTerminated(ghost);
        Assert.False(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
    }

    [Fact]
    public void Remote_actor_watching_a_local_one_is_notified()
    {
        var watcher = _peer.ActorOf(Props.Create(() => new WatchReporter()), "watcher");
        var local = Sys.ActorOf(Props.Create(() => new Echo()), "watched");
        var watchedAsSeenByPeer = _peer.ResolveActorRef(local.Path.WithAddress(_local.Address));

        // The report goes back over the wire, after the watch: when it arrives, the watch is registered.
        var testActorAsSeenByPeer = _peer.ResolveActorRef(TestActor.Path.WithAddress(_local.Address));
        watcher.Tell(new WatchReporter.WatchIt(watchedAsSeenByPeer, testActorAsSeenByPeer));
        ExpectMsg("watching");
        local.Tell("stop");

        var report = ExpectMsg<string>();
        Assert.Equal("terminated confirmed=True address=False", report);
    }

    [Fact]
    public void A_peer_system_that_terminates_says_goodbye_ends_watches_and_is_quarantined()
    {
        var echo = RemoteRef(_peerEcho);
        Watch(echo);
        echo.Tell("hi", TestActor);
        ExpectMsg("hi");

        // The peer says goodbye before it closes: its end is no failure to warn about, but watches still end.
        EventFilter.Warning(contains: "lost").Expect(0, () => _peer.Terminate().Wait(TimeSpan.FromSeconds(10)));

        ExpectTerminated(echo);
        AwaitCondition(() => _local.IsQuarantined(_peerRemote.Address), TimeSpan.FromSeconds(3));
        Assert.False(File.Exists(_peerRemote.Address.Host), "the peer's socket file is removed when it stops");
    }

    [Fact]
    public void A_peer_with_the_wrong_key_is_refused_and_logged()
    {
        using var intruder = ActorSystem.Create("intruder", RemotingSupport.Config, Sys.LoggerFactory);
        RemoteExtension.Start(intruder, RemotingSupport.WrongKey);
        var target = intruder.ResolveActorRef(TestActor.Path.WithAddress(_local.Address));

        // The intruder checks the proof of the listener first and hangs up; the listener logs the failed handshake.
        EventFilter.Warning(contains: "handshake").ExpectOne(() => target.Tell("intrusion", null));

        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void A_message_of_a_type_outside_the_allow_list_is_dropped_and_the_association_kept()
    {
        var target = _peer.ResolveActorRef(TestActor.Path.WithAddress(_local.Address));

        EventFilter.Warning(contains: nameof(ForbiddenCommand)).ExpectOne(() => target.Tell(new ForbiddenCommand("rm -rf /"), null));

        target.Tell("still connected", null);
        ExpectMsg("still connected");
    }

    [Fact]
    public void A_quarantined_address_is_refused_when_it_connects()
    {
        _local.Quarantine(_peerRemote.Address, "declared dead by the test");
        Assert.True(_local.IsQuarantined(_peerRemote.Address));
        var target = _peer.ResolveActorRef(TestActor.Path.WithAddress(_local.Address));

        EventFilter.Warning(contains: "is quarantined").ExpectOne(() => target.Tell("from a zombie", null));

        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        var echo = RemoteRef(_peerEcho);
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        echo.Tell("to a quarantined address", TestActor);
        FishForMessage(m => m is DeadLetter d && Equals(d.Message, "to a quarantined address"));
    }

    [Fact]
    public void Unwatching_a_remote_actor_stops_its_notification()
    {
        var victim = RemoteRef(_peer.ActorOf(Props.Create(() => new Echo()), "unwatched"));
        Watch(victim);
        Unwatch(victim);

        victim.Tell("stop", TestActor);

        // The unwatch travels ahead of the stop on the same association, so no notification is sent.
        ExpectNoMsg(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void Watching_an_actor_at_an_unreachable_address_terminates_it_as_address_terminated()
    {
        var nowhere = new Address("actorproc.unix", "ghost", Path.Combine(Path.GetTempPath(), "actorproc-no-such-dir", "transport.sock"));
        var ghost = Sys.ResolveActorRef(new RootActorPath(nowhere) / "user" / "a");
        Assert.IsType<RemoteActorRef>(ghost);

        Watch(ghost);

        var terminated = ExpectTerminated(ghost);
        Assert.True(terminated.AddressTerminated);
        AwaitCondition(() => _local.IsQuarantined(nowhere), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void A_message_that_cannot_be_serialized_is_dead_lettered_and_the_association_kept()
    {
        var echo = RemoteRef(_peerEcho);
        echo.Tell("warm up", TestActor);
        ExpectMsg("warm up");
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        using var stream = new MemoryStream();

        EventFilter.Warning(contains: "Could not send").ExpectOne(() => echo.Tell(stream, TestActor));

        FishForMessage(m => m is DeadLetter { Message: MemoryStream });
        echo.Tell("after", TestActor);
        FishForMessage(m => Equals(m, "after"));
    }

    [Fact]
    public async Task Actor_selection_resolves_and_delivers_across_systems()
    {
        var selection = Sys.ActorSelection(_peerRemote.Address + "/user/echo");

        var resolved = await selection.ResolveOne(TimeSpan.FromSeconds(3));
        Assert.Equal(RemoteRef(_peerEcho), resolved);

        Sys.ActorSelection(_peerRemote.Address + "/user/ec*").Tell("wildcard", TestActor);
        ExpectMsg("wildcard");

        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection(_peerRemote.Address + "/user/nobody-here").ResolveOne(TimeSpan.FromSeconds(3)));
    }

    protected override void Dispose(bool disposing)
    {
        try
        {
            _peer.Terminate().Wait(TimeSpan.FromSeconds(10));
        }
        finally
        {
            base.Dispose(disposing);
        }
    }

    private IActorRef RemoteRef(IActorRef peerActor) => Sys.ResolveActorRef(peerActor.Path.WithAddress(_peerRemote.Address));

    /// <summary>Watches what it is told to and reports the Terminated it gets.</summary>
    private sealed class WatchReporter : ReceiveActor
    {
        private IActorRef? _reportTo;

        public WatchReporter()
        {
            Receive<WatchIt>(w =>
            {
                _reportTo = w.ReportTo;
                Context.Watch(w.Subject);
                w.ReportTo.Tell("watching", Self);
            });
            Receive<Terminated>(t => _reportTo?.Tell($"terminated confirmed={t.ExistenceConfirmed} address={t.AddressTerminated}", Self));
        }

        public sealed record WatchIt(IActorRef Subject, IActorRef ReportTo);
    }
}
