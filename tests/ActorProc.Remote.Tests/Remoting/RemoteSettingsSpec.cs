using ActorProc.Actors;
using ActorProc.Configuration;
using Xunit;

namespace ActorProc.Remote.Tests.Remoting;

public sealed class RemoteSettingsSpec
{
    [Fact]
    public void Reference_defaults_are_read()
    {
        var settings = RemoteSettings.FromConfig(ReferenceConfig.Default);

        Assert.Equal(RemoteTransportKind.Unix, settings.Transport);
        Assert.Equal("127.0.0.1", settings.Hostname);
        Assert.Equal(0, settings.Port);
        Assert.Equal(16 * 1024 * 1024, settings.MaximumFrameSize);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.HandshakeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromSeconds(20), settings.AcceptableHeartbeatPause);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.QuarantineDuration);
    }

    [Fact]
    public void Overrides_and_invalid_values()
    {
        var settings = RemoteSettings.FromConfig(ReferenceConfig.WithDefaults("actorproc.remote { transport = tcp, port = 2552, maximum-frame-size = 1MiB }"));
        Assert.Equal(RemoteTransportKind.Tcp, settings.Transport);
        Assert.Equal(2552, settings.Port);
        Assert.Equal(1024 * 1024, settings.MaximumFrameSize);

        var e = Assert.Throws<ConfigException>(() => RemoteSettings.FromConfig(ReferenceConfig.WithDefaults("actorproc.remote.transport = udp")));
        Assert.Contains("actorproc.remote.transport", e.Message);
    }

    [Fact]
    public async Task Tcp_transport_binds_a_real_port_and_talks()
    {
        const string Tcp = "actorproc.remote.transport = tcp";
        await using var a = ActorSystem.Create("tcp-a", Tcp);
        await using var b = ActorSystem.Create("tcp-b", Tcp);
        var remoteA = RemoteExtension.Start(a, RemotingSupport.Key);
        var remoteB = RemoteExtension.Start(b, RemotingSupport.Key);
        Assert.Equal("actorproc.tcp", remoteB.Address.Protocol);
        Assert.NotEqual(0, remoteB.Address.Port);

        var echo = b.ActorOf(Props.Create(() => new Echo()), "echo");
        var remoteEcho = a.ResolveActorRef(echo.Path.WithAddress(remoteB.Address));
        Assert.Equal("over tcp", await remoteEcho.Ask<string>("over tcp", TimeSpan.FromSeconds(5)));
        Assert.Equal(remoteA.Address, RemoteExtension.Get(a).Address);
    }
}
