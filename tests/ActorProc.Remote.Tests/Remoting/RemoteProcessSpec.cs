using System.Diagnostics;
using ActorProc.Actors;
using ActorProc.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

namespace ActorProc.Remote.Tests.Remoting;

/// <summary>Remoting with an actor system in another OS process (the test host), including its sudden death.</summary>
public sealed class RemoteProcessSpec : TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private readonly RemoteExtension _local;
    private readonly TestHostProcess _host;

    public RemoteProcessSpec(ITestOutputHelper output)
        : base(RemotingSupport.FastConfig, output)
    {
        _local = RemoteExtension.Start(Sys, RemotingSupport.Key);
        _host = TestHostProcess.Start(RemotingSupport.Key, RemotingSupport.FastConfig, ReadyTimeout);
    }

    [Fact]
    public async Task Tell_and_ask_cross_processes()
    {
        var echo = HostActor("echo");
        Assert.NotEqual(Environment.ProcessId, _host.Pid);

        // The host does not load this test assembly: messages use framework types.
        echo.Tell(("Bo", 1, new[] { 1.5, 2.5 }), TestActor);
        var reply = ExpectMsg<(string Name, int Count, double[] Values)>();
        Assert.Equal(("Bo", 1), (reply.Name, reply.Count));
        Assert.Equal(new[] { 1.5, 2.5 }, reply.Values);
        Assert.Equal(echo.Path, LastSender.Path);

        // A type only this process has cannot be read by the host: that message is dropped, the association stays.
        echo.Tell(new Greeting("unknown there", 2), TestActor);
        echo.Tell("after", TestActor);
        ExpectMsg("after");

        var resolved = await Sys.ActorSelection(_host.Address + "/user/echo").ResolveOne(TimeSpan.FromSeconds(5));
        Assert.Equal("pong", await resolved.Ask<string>("pong", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Killing_the_peer_process_terminates_watches_with_address_terminated_within_a_second()
    {
        var victim = await Sys.ActorSelection(_host.Address + "/user/victim").ResolveOne(TimeSpan.FromSeconds(5));
        var other = await Sys.ActorSelection(_host.Address + "/user/other").ResolveOne(TimeSpan.FromSeconds(5));
        Watch(victim);
        Watch(other);
        victim.Tell("alive?", TestActor);
        ExpectMsg("alive?");

        _host.Signal("KILL");

        Within(TimeSpan.FromSeconds(1), () =>
        {
            var terminations = ReceiveN(2).Cast<Terminated>().ToList();
            Assert.All(terminations, t => Assert.True(t.AddressTerminated));
            Assert.Equal(new[] { other, victim }.OrderBy(r => r).ToArray(), terminations.Select(t => t.ActorRef).OrderBy(r => r).ToArray());
        });
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.True(_local.IsQuarantined(_host.Address));
    }

    [Fact]
    public async Task A_stopped_peer_process_is_detected_by_the_failure_detector()
    {
        var victim = await Sys.ActorSelection(_host.Address + "/user/victim").ResolveOne(TimeSpan.FromSeconds(5));
        Watch(victim);
        victim.Tell("alive?", TestActor);
        ExpectMsg("alive?");

        var clock = Stopwatch.StartNew();
        _host.Signal("STOP");

        // acceptable-heartbeat-pause = 1s, checked every heartbeat-interval = 200ms.
        var terminated = ExpectTerminated(victim, TimeSpan.FromSeconds(3));
        Assert.True(terminated.AddressTerminated);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3));
        Assert.False(_host.HasExited, "the peer was only stopped, the detector (not a closed socket) noticed it");
    }

    protected override void Dispose(bool disposing)
    {
        try
        {
            _host.Dispose();
        }
        finally
        {
            base.Dispose(disposing);
        }
    }

    private IActorRef HostActor(string name) => Sys.ResolveActorRef(new RootActorPath(_host.Address) / "user" / name);
}
