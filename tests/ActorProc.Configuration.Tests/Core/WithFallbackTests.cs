namespace ActorProc.Configuration.Tests.Core;

public class WithFallbackTests
{
    [Fact]
    public void Receiver_wins_over_fallback()
    {
        var merged = Config.Parse("a = 1").WithFallback(Config.Parse("a = 2\nb = 3"));

        Assert.Equal(1, merged.GetInt("a"));
        Assert.Equal(3, merged.GetInt("b"));
    }

    [Fact]
    public void Objects_are_merged_deeply()
    {
        var app = Config.Parse("akka.remote { port = 2552, transport { name = tcp } }");
        var defaults = Config.Parse("akka.remote { port = 0, host = localhost, transport { name = none, buffer = 64K } }\nakka.loglevel = INFO");

        var merged = app.WithFallback(defaults);

        Assert.Equal(2552, merged.GetInt("akka.remote.port"));
        Assert.Equal("localhost", merged.GetString("akka.remote.host"));
        Assert.Equal("tcp", merged.GetString("akka.remote.transport.name"));
        Assert.Equal(65536L, merged.GetBytes("akka.remote.transport.buffer"));
        Assert.Equal("INFO", merged.GetString("akka.loglevel"));
    }

    [Fact]
    public void Receiver_scalar_replaces_fallback_object()
    {
        var merged = Config.Parse("a = off").WithFallback(Config.Parse("a { b = 1 }"));

        Assert.Equal("off", merged.GetString("a"));
        Assert.False(merged.HasPath("a.b"));
    }

    [Fact]
    public void Inputs_are_unchanged()
    {
        var app = Config.Parse("a { x = 1 }");
        var defaults = Config.Parse("a { y = 2 }");

        _ = app.WithFallback(defaults);

        Assert.False(app.HasPath("a.y"));
        Assert.False(defaults.HasPath("a.x"));
    }

    [Fact]
    public void Fallback_chain_applies_in_order()
    {
        var merged = Config.Parse("a = 1")
            .WithFallback(Config.Parse("a = 2\nb = 2"))
            .WithFallback(Config.Parse("a = 3\nb = 3\nc = 3"));

        Assert.Equal((1, 2, 3), (merged.GetInt("a"), merged.GetInt("b"), merged.GetInt("c")));
    }

    [Fact]
    public void Empty_config_is_a_neutral_fallback()
    {
        var config = Config.Parse("a = 1");

        Assert.Equal(1, config.WithFallback(Config.Empty).GetInt("a"));
        Assert.Equal(1, Config.Empty.WithFallback(config).GetInt("a"));
    }
}
