using System.Security.Cryptography;
using ActorProc.Actors;
using ActorProc.Remote;
using ActorProc.Remote.Transport;

namespace ActorProc.Tests.Managers;

/// <summary>
/// The remoting a manager relies on, between actor systems of this process with different keys (as separate process
/// trees have): a listener with a key of its own, connecting with that key, and routes travelling with refs.
/// </summary>
public sealed class ManagerRoutingSpec : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);
    private readonly List<ActorSystem> _systems = [];

    public void Dispose()
    {
        foreach (var system in _systems)
        {
            system.Terminate().Wait(Long);
        }
    }

    [Fact]
    public async Task A_system_with_another_key_reaches_an_added_listener_with_that_key_and_a_wrong_key_is_refused()
    {
        var (server, serverRemote) = NewSystem("server");
        server.ActorOf(Props.Create(() => new Echo()), "echo");
        var serviceKey = RandomNumberGenerator.GetBytes(32);
        var endPoint = serverRemote.AddListener(null, serviceKey);
        var (client, clientRemote) = NewSystem("client");

        await Assert.ThrowsAsync<TransportHandshakeException>(() => clientRemote.ConnectAsync(endPoint, RandomNumberGenerator.GetBytes(32)));
        var address = await clientRemote.ConnectAsync(endPoint, serviceKey);

        Assert.Equal(serverRemote.Address, address);
        var echo = client.ResolveActorRef(new RootActorPath(address).Child("user").Child("echo"));
        Assert.Equal("hi", await echo.Ask<string>("hi", Long));
    }

    [Fact]
    public async Task A_ref_sent_to_a_system_of_the_same_key_carries_the_route_and_another_key_cannot_use_it()
    {
        var (server, serverRemote) = NewSystem("server");
        server.ActorOf(Props.Create(() => new Echo()), "echo");
        var serviceKey = RandomNumberGenerator.GetBytes(32);
        var serviceEndPoint = serverRemote.AddListener(null, serviceKey);

        var treeKey = RandomNumberGenerator.GetBytes(32);
        var (client, clientRemote) = NewSystem("client", treeKey);
        var (sibling, siblingRemote) = NewSystem("sibling", treeKey);
        var (stranger, strangerRemote) = NewSystem("stranger");
        var strangerKey = RandomNumberGenerator.GetBytes(32);

        var serverAddress = await clientRemote.ConnectAsync(serviceEndPoint, serviceKey);
        var echo = client.ResolveActorRef(new RootActorPath(serverAddress).Child("user").Child("echo"));
        Assert.Equal("first", await echo.Ask<string>("first", Long));

        // The sibling shares the client's key: the ref it receives brings the way to the server, which it has no key for.
        var siblingGot = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        sibling.ActorOf(Props.Create(() => new Catch(siblingGot)), "catch");
        client.ResolveActorRef(new RootActorPath(siblingRemote.Address).Child("user").Child("catch")).Tell(new RefHolder(echo));
        var siblingEcho = ((RefHolder)await siblingGot.Task.WaitAsync(Long)).Ref;
        Assert.Equal("via route", await siblingEcho.Ask<string>("via route", Long));

        // The stranger (another key) gets the same ref from the client, but cannot open its route: the server is unreachable.
        var clientEndPointForStranger = clientRemote.AddListener(null, strangerKey);
        await strangerRemote.ConnectAsync(clientEndPointForStranger, strangerKey);
        var strangerGot = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var terminated = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        stranger.ActorOf(Props.Create(() => new Catch(strangerGot)), "catch");
        client.ResolveActorRef(new RootActorPath(strangerRemote.Address).Child("user").Child("catch")).Tell(new RefHolder(echo));
        var strangerEcho = ((RefHolder)await strangerGot.Task.WaitAsync(Long)).Ref;
        stranger.ActorOf(Props.Create(() => new WatchOne(strangerEcho, terminated)));

        var end = (Terminated)await terminated.Task.WaitAsync(Long);
        Assert.True(end.AddressTerminated);
    }

    private (ActorSystem System, RemoteExtension Remote) NewSystem(string name, byte[]? key = null)
    {
        var system = ActorSystem.Create(name);
        _systems.Add(system);
        return (system, RemoteExtension.Start(system, key ?? RandomNumberGenerator.GetBytes(32)));
    }

    public sealed record RefHolder(IActorRef Ref);

    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(message => Sender.Tell(message));
    }

    private sealed class Catch : ReceiveActor
    {
        public Catch(TaskCompletionSource<object> got) => ReceiveAny(message => got.TrySetResult(message));
    }

    private sealed class WatchOne : ReceiveActor
    {
        public WatchOne(IActorRef target, TaskCompletionSource<object> terminated)
        {
            Context.Watch(target);
            Receive<Terminated>(t => terminated.TrySetResult(t));
        }
    }
}
