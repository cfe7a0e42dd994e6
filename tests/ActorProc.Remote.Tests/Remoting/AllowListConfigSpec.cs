using System.Text;
using ActorProc.Actors;
using ActorProc.Configuration;
using ActorProc.Serialization;
using ActorProc.TestKit.Xunit2;
using Xunit;
using Xunit.Abstractions;

namespace ActorProc.Remote.Tests.Remoting;

/// <summary>The serializer's allow-list comes from <c>actorproc.serialization</c> in HOCON.</summary>
public sealed class AllowListConfigSpec : TestKit.Xunit2.TestKit
{
    private const string DenyForbidden = """
        actorproc.remote.handshake-timeout = 2s
        actorproc.serialization.deny-types = ["ActorProc.Remote.Tests.Remoting.ForbiddenCommand"]
        """;

    private readonly ActorSystem _peer;

    public AllowListConfigSpec(ITestOutputHelper output)
        : base(DenyForbidden, output)
    {
        RemoteExtension.Start(Sys, RemotingSupport.Key);
        _peer = ActorSystem.Create("peer", RemotingSupport.Config, Sys.LoggerFactory);
        RemoteExtension.Start(_peer, RemotingSupport.Key);
    }

    [Fact]
    public void A_type_denied_in_HOCON_is_refused_when_it_arrives_and_the_association_stays_up()
    {
        var target = _peer.ResolveActorRef(TestActor.Path.WithAddress(RemoteExtension.Get(Sys).Address));

        EventFilter.Warning(contains: nameof(ForbiddenCommand)).ExpectOne(() => target.Tell(new ForbiddenCommand("rm -rf /"), null));

        target.Tell(new Greeting("allowed", 1), null);
        ExpectMsg(new Greeting("allowed", 1));
    }

    [Fact]
    public void Allow_types_and_namespaces_extend_the_default_list()
    {
        var defaults = AllowListConfig.FromConfig(Config.Empty);
        Assert.False(defaults.IsAllowed(typeof(StringBuilder), out _), "StringBuilder is not on the default list");

        var byType = AllowListConfig.FromConfig(Config.Parse("""actorproc.serialization.allow-types = ["System.Text.StringBuilder"]"""));
        Assert.True(byType.IsAllowed(typeof(StringBuilder), out var reason), reason);

        var byNamespace = AllowListConfig.FromConfig(Config.Parse("""actorproc.serialization.allow-namespaces = ["System.Text"]"""));
        Assert.True(byNamespace.IsAllowed(typeof(StringBuilder), out reason), reason);
    }

    [Fact]
    public void Gadget_types_stay_refused_whatever_HOCON_allows()
    {
        var list = AllowListConfig.FromConfig(Config.Parse("""actorproc.serialization.allow-types = ["System.Diagnostics.Process, System.Diagnostics.Process"]"""));

        Assert.False(list.IsAllowed(typeof(System.Diagnostics.Process), out _));
    }

    [Fact]
    public void An_unknown_type_name_fails_with_the_setting_and_the_name()
    {
        var error = Assert.Throws<ConfigException>(() =>
            AllowListConfig.FromConfig(Config.Parse("""actorproc.serialization.deny-types = ["No.Such.Type"]""")));

        Assert.Contains("actorproc.serialization.deny-types", error.Message);
        Assert.Contains("No.Such.Type", error.Message);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _peer.Terminate().Wait(TimeSpan.FromSeconds(10));
        }

        base.Dispose(disposing);
    }
}
