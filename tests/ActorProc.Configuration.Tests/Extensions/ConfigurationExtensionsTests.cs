using ActorProc.Configuration.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace ActorProc.Configuration.Tests.Extensions;

public sealed class ConfigurationExtensionsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Add_hocon_string_flattens_keys_with_colons()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconString("a.b.c = 1\na.b.list = [x, y]\nflag = true")
            .Build();

        Assert.Equal("1", configuration["a:b:c"]);
        Assert.Equal("x", configuration["a:b:list:0"]);
        Assert.Equal("y", configuration["a:b:list:1"]);
        Assert.Equal("true", configuration["flag"]);
    }

    [Fact]
    public void Durations_and_sizes_stay_as_written()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconString("timeout = 500ms\nbuffer = 64 KiB\nratio = 1.50")
            .Build();

        Assert.Equal("500ms", configuration["timeout"]);
        Assert.Equal("64 KiB", configuration["buffer"]);
        Assert.Equal("1.50", configuration["ratio"]);
    }

    [Fact]
    public void Arrays_of_objects_are_indexed()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconString("nodes = [{ host = a, port = 1 }, { host = b, port = 2 }]")
            .Build();

        Assert.Equal("b", configuration["nodes:1:host"]);
        Assert.Equal("2", configuration.GetSection("nodes").GetChildren().Last()["port"]);
    }

    [Fact]
    public void Substitutions_are_resolved_before_flattening()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconString("base = 10\nderived = ${base}")
            .Build();

        Assert.Equal("10", configuration["derived"]);
    }

    [Fact]
    public void Add_hocon_string_reports_parse_errors()
    {
        var builder = new ConfigurationBuilder().AddHoconString("a = [1");

        var error = Assert.Throws<HoconParseException>(() => builder.Build());

        Assert.Equal((1, 7), (error.Line, error.Column));
    }

    [Fact]
    public void Add_hocon_file_reads_a_file_with_includes()
    {
        _dir.Write("shared.conf", "shared { level = debug }");
        var file = _dir.Write("app.conf", "include \"shared.conf\"\napp { name = demo, ports = [80, 443] }");

        var configuration = new ConfigurationBuilder().AddHoconFile(file).Build();

        Assert.Equal("demo", configuration["app:name"]);
        Assert.Equal("443", configuration["app:ports:1"]);
        Assert.Equal("debug", configuration["shared:level"]);
    }

    [Fact]
    public void Add_hocon_file_with_relative_path_uses_the_base_path()
    {
        _dir.Write("relative.conf", "a.b = [first]");

        var configuration = new ConfigurationBuilder()
            .SetBasePath(_dir.Path)
            .AddHoconFile("relative.conf")
            .Build();

        Assert.Equal("first", configuration["a:b:0"]);
    }

    [Fact]
    public void Later_sources_override_hocon_values()
    {
        var file = _dir.Write("base.conf", "a { b = 1, c = 2 }");

        var configuration = new ConfigurationBuilder()
            .AddHoconFile(file)
            .AddHoconString("a.b = 10")
            .Build();

        Assert.Equal("10", configuration["a:b"]);
        Assert.Equal("2", configuration["a:c"]);
    }

    [Fact]
    public void Optional_missing_file_is_ignored()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconFile(Path.Combine(_dir.Path, "absent.conf"), optional: true)
            .Build();

        Assert.Empty(configuration.AsEnumerable());
    }

    [Fact]
    public void Required_missing_file_fails()
    {
        var builder = new ConfigurationBuilder().AddHoconFile(Path.Combine(_dir.Path, "absent.conf"));

        Assert.Throws<FileNotFoundException>(() => builder.Build());
    }

    [Fact]
    public void Parse_error_in_file_carries_the_location()
    {
        var file = _dir.Write("broken.conf", "a {\n  b = \n}");

        var error = Assert.Throws<InvalidDataException>(() => new ConfigurationBuilder().AddHoconFile(file).Build());

        var inner = Assert.IsType<HoconParseException>(error.InnerException);
        Assert.Equal(file, inner.Origin);
        Assert.Equal((2, 7), (inner.Line, inner.Column));
    }

    [Fact]
    public void To_config_rebuilds_objects_and_arrays()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["actor:timeout"] = "5s",
                ["actor:retries"] = "3",
                ["actor:hosts:0"] = "a",
                ["actor:hosts:1"] = "b",
                ["actor:flags:enabled"] = "on",
                ["sparse:0"] = "x",
                ["sparse:2"] = "y",
            })
            .Build();

        var config = configuration.ToConfig();

        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("actor.timeout"));
        Assert.Equal(3, config.GetInt("actor.retries"));
        Assert.Equal(["a", "b"], config.GetStringList("actor.hosts"));
        Assert.True(config.GetBoolean("actor.flags.enabled"));
        Assert.True(config.GetValue("sparse")!.IsObject);
        Assert.Equal("y", config.GetString("sparse.2"));
    }

    [Fact]
    public void To_config_of_a_section_uses_the_section_as_root()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconString("actorproc { remote { port = 2552 } }")
            .Build();

        var config = configuration.GetSection("actorproc").ToConfig();

        Assert.Equal(2552, config.GetInt("remote.port"));
    }

    [Fact]
    public void Hocon_round_trips_through_configuration()
    {
        var original = Config.Parse("a { b = [1, 2], c { d = text } }");
        var configuration = new ConfigurationBuilder().AddHoconString(original.ToHocon()).Build();

        var config = configuration.ToConfig();

        Assert.Equal([1, 2], config.GetIntList("a.b"));
        Assert.Equal("text", config.GetString("a.c.d"));
    }
}
