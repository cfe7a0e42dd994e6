using ActorProc.Configuration.Tests.Support;

namespace ActorProc.Configuration.Tests.Parsing;

public sealed class IncludeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Include_merges_the_included_file_at_the_point_of_inclusion()
    {
        _dir.Write("base.conf", "a = 1\nb { x = 1 }");
        var main = _dir.Write("main.conf", "include \"base.conf\"\na = 2\nb { y = 2 }");

        var config = Config.ParseFile(main);

        Assert.Equal(2, config.GetInt("a"));
        Assert.Equal(1, config.GetInt("b.x"));
        Assert.Equal(2, config.GetInt("b.y"));
    }

    [Fact]
    public void Fields_after_an_include_override_and_fields_before_are_overridden()
    {
        _dir.Write("inc.conf", "a = included\nb = included");
        var main = _dir.Write("main.conf", "a = before\ninclude \"inc.conf\"\nb = after");

        var config = Config.ParseFile(main);

        Assert.Equal("included", config.GetString("a"));
        Assert.Equal("after", config.GetString("b"));
    }

    [Fact]
    public void Include_file_syntax_is_resolved_relative_to_the_including_file()
    {
        _dir.Write("sub/inner.conf", "value = inner");
        _dir.Write("sub/middle.conf", "include file(\"inner.conf\")\nmiddle = yes");
        var main = _dir.Write("main.conf", "include file(\"sub/middle.conf\")");

        var config = Config.ParseFile(main);

        Assert.Equal("inner", config.GetString("value"));
        Assert.True(config.GetBoolean("middle"));
    }

    [Fact]
    public void Required_include_form_is_accepted()
    {
        _dir.Write("req.conf", "r = 1");
        var main = _dir.Write("main.conf", "include required(file(\"req.conf\"))\ninclude required(\"req.conf\")");

        Assert.Equal(1, Config.ParseFile(main).GetInt("r"));
    }

    [Fact]
    public void Include_inside_an_object_nests_the_included_fields()
    {
        _dir.Write("db.conf", "host = localhost\nport = 5432");
        var main = _dir.Write("main.conf", "database { include \"db.conf\"\nport = 6543 }");

        var config = Config.ParseFile(main);

        Assert.Equal("localhost", config.GetString("database.host"));
        Assert.Equal(6543, config.GetInt("database.port"));
    }

    [Fact]
    public void Substitutions_in_a_nested_include_are_relative_to_the_include_location_first()
    {
        _dir.Write("svc.conf", "port = 80\nurl = \"http://h:\"${port}\nglobal = ${top}");
        var main = _dir.Write("main.conf", "top = T\nservice { include \"svc.conf\" }");

        var config = Config.ParseFile(main);

        Assert.Equal("http://h:80", config.GetString("service.url"));
        Assert.Equal("T", config.GetString("service.global"));
    }

    [Fact]
    public void Included_file_may_have_braces_around_its_root()
    {
        _dir.Write("braced.conf", "{ a = 1 }");
        var main = _dir.Write("main.conf", "include \"braced.conf\"");

        Assert.Equal(1, Config.ParseFile(main).GetInt("a"));
    }

    [Fact]
    public void Include_without_extension_falls_back_to_conf_file()
    {
        _dir.Write("defaults.conf", "d = 1");
        var main = _dir.Write("main.conf", "include \"defaults\"");

        Assert.Equal(1, Config.ParseFile(main).GetInt("d"));
    }

    [Fact]
    public void Include_with_absolute_path_works_from_a_string()
    {
        var file = _dir.Write("abs.conf", "abs = 1");

        var config = Config.Parse($"include \"{file}\"");

        Assert.Equal(1, config.GetInt("abs"));
    }

    [Fact]
    public void Same_file_may_be_included_twice_without_a_cycle()
    {
        _dir.Write("common.conf", "c = 1");
        _dir.Write("one.conf", "include \"common.conf\"");
        var main = _dir.Write("main.conf", "include \"one.conf\"\ninclude \"common.conf\"");

        Assert.Equal(1, Config.ParseFile(main).GetInt("c"));
    }

    [Fact]
    public void Missing_include_file_is_an_error_at_the_file_name()
    {
        var main = _dir.Write("main.conf", "a = 1\ninclude \"nope.conf\"");

        var error = Assert.Throws<HoconParseException>(() => Config.ParseFile(main));

        Assert.Equal(main, error.Origin);
        Assert.Equal((2, 9), (error.Line, error.Column));
        Assert.Contains("Included file 'nope.conf' was not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_cycle_is_detected_and_reported_in_the_file_that_closes_it()
    {
        _dir.Write("a.conf", "x = 1\ninclude \"b.conf\"");
        var b = _dir.Write("b.conf", "y = 2\n  include \"a.conf\"");
        var main = _dir.Write("a.conf", "x = 1\ninclude \"b.conf\"");

        var error = Assert.Throws<HoconParseException>(() => Config.ParseFile(main));

        Assert.Equal(b, error.Origin);
        Assert.Equal((2, 11), (error.Line, error.Column));
        Assert.Contains("Include cycle detected: a.conf -> b.conf -> a.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_including_itself_is_a_cycle()
    {
        var self = _dir.Write("self.conf", "include \"self.conf\"");

        var error = Assert.Throws<HoconParseException>(() => Config.ParseFile(self));

        Assert.Contains("Include cycle detected: self.conf -> self.conf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_in_included_file_names_that_file()
    {
        var bad = _dir.Write("bad.conf", "ok = 1\nbroken = \"unterminated");
        var main = _dir.Write("main.conf", "include \"bad.conf\"");

        var error = Assert.Throws<HoconParseException>(() => Config.ParseFile(main));

        Assert.Equal(bad, error.Origin);
        Assert.Equal((2, 10), (error.Line, error.Column));
        Assert.StartsWith($"{bad}(2,10): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_includes_are_rejected()
    {
        var error = ParseAssert.FailsAt("include url(\"http://example.com/a.conf\")", 1, 1, "url() includes are not supported");

        Assert.NotNull(error);
    }

    [Fact]
    public void Include_with_unbalanced_parentheses_is_an_error()
    {
        ParseAssert.FailsAt("include file(\"x.conf\"", 1, 22, "expected 1 closing ')'");
    }

    [Fact]
    public void Parse_file_of_missing_file_throws_config_exception()
    {
        var missing = Path.Combine(_dir.Path, "missing.conf");

        var error = Assert.Throws<ConfigException>(() => Config.ParseFile(missing));

        Assert.Contains("missing.conf", error.Message, StringComparison.Ordinal);
    }
}
