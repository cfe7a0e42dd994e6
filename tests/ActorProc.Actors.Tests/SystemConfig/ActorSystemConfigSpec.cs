using ActorProc.Actors.Dispatch;
using ActorProc.Configuration;

namespace ActorProc.Actors.Tests.SystemConfig;

public class ActorSystemConfigSpec(ITestOutputHelper output) : TestKit(output: output)
{
    [Fact]
    public void Malformed_HOCON_throws_HoconParseException()
    {
        Assert.Throws<HoconParseException>(() => ActorSystem.Create("bad-hocon", "actorproc { actor { "));
    }

    [Theory]
    [InlineData("actorproc.loglevel = chatty")]
    [InlineData("actorproc.actor.guardian-supervisor-strategy = lenient")]
    [InlineData("actorproc.actor.default-dispatcher.throughput = 0")]
    [InlineData("actorproc.actor.mailboxes.m { type = bounded, overflow = explode }")]
    public void An_invalid_setting_throws_ConfigException(string hocon)
    {
        var e = Assert.Throws<ConfigException>(() => ActorSystem.Create("bad-setting", hocon));
        Assert.IsNotType<HoconParseException>(e);
    }

    [Fact]
    public void Settings_are_read_from_HOCON_over_the_reference_defaults()
    {
        using var system = ActorSystem.Create("configured", """
            actorproc.actor {
              default-dispatcher.throughput = 7
              dispatchers.fair.throughput = 1
              ask-timeout = 2s
              mailboxes.small { type = bounded, capacity = 2, overflow = drop-oldest }
            }
            """);

        Assert.Equal(7, system.Settings.Throughput);
        Assert.Equal(1, system.Settings.Dispatchers["fair"]);
        Assert.Equal(TimeSpan.FromSeconds(2), system.Settings.AskTimeout);
        Assert.Equal(MailboxOptions.Bounded(2, OverflowPolicy.DropOldest), system.Settings.Mailboxes["small"]);
        Assert.Equal(ReferenceConfig.Default.GetInt("actorproc.log-dead-letters"), system.Settings.LogDeadLetters);
    }
}
