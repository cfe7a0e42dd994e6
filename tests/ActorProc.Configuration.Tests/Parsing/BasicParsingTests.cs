namespace ActorProc.Configuration.Tests.Parsing;

public class BasicParsingTests
{
    [Fact]
    public void Root_object_without_braces_is_parsed()
    {
        var config = Config.Parse("a = 1\nb = two");

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("two", config.GetString("b"));
    }

    [Fact]
    public void Root_object_with_braces_is_parsed()
    {
        var config = Config.Parse("{ a = 1, b = 2 }");

        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Empty_text_gives_an_empty_config()
    {
        var config = Config.Parse("  \n # only a comment\n");

        Assert.True(config.IsEmpty);
        Assert.True(Config.Empty.IsEmpty);
    }

    [Theory]
    [InlineData("a = 1")]
    [InlineData("a : 1")]
    [InlineData("a=1")]
    [InlineData("a:1")]
    [InlineData("\"a\" : 1")]
    public void Equals_and_colon_are_both_separators(string hocon)
    {
        Assert.Equal(1, Config.Parse(hocon).GetInt("a"));
    }

    [Fact]
    public void Brace_directly_after_key_starts_an_object()
    {
        var config = Config.Parse("a { b = 1 }");

        Assert.Equal(1, config.GetInt("a.b"));
    }

    [Fact]
    public void Fields_may_be_separated_by_commas_or_newlines_with_trailing_commas()
    {
        var config = Config.Parse("a = 1, b = 2,\nc = 3,\nd { x = 1, }\ne = [1, 2,]");

        Assert.Equal(3, config.GetInt("c"));
        Assert.Equal(1, config.GetInt("d.x"));
        Assert.Equal([1, 2], config.GetIntList("e"));
    }

    [Fact]
    public void Nested_objects_are_parsed()
    {
        var config = Config.Parse("a { b { c { d = deep } } }");

        Assert.Equal("deep", config.GetString("a.b.c.d"));
    }

    [Fact]
    public void Arrays_may_span_lines_without_commas()
    {
        var config = Config.Parse("a = [\n  1\n  2\n\n  3\n]");

        Assert.Equal([1, 2, 3], config.GetIntList("a"));
    }

    [Fact]
    public void Arrays_may_hold_objects_and_arrays()
    {
        var config = Config.Parse("a = [ { x = 1 }, [2, 3], four ]");

        var items = config.GetValue("a")!.GetArray();
        Assert.Equal("1", items[0].GetObject()["x"].GetString());
        Assert.Equal(2, items[1].GetArray().Count);
        Assert.Equal("four", items[2].GetString());
    }

    [Fact]
    public void Hash_and_double_slash_comments_are_ignored()
    {
        var config = Config.Parse("# heading\na = 1 # trailing\n// another\nb = 2 // trailing\nc = \"x#y//z\"");

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal("x#y//z", config.GetString("c"));
    }

    [Fact]
    public void Quoted_strings_support_json_escapes()
    {
        var config = Config.Parse("a = \"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t u\\u00e9\\u0041\"");

        Assert.Equal("q\" b\\ s/ \b\f\n\r\t u\u00e9A", config.GetString("a"));
    }

    [Fact]
    public void Triple_quoted_strings_keep_newlines_and_backslashes_verbatim()
    {
        var config = Config.Parse("a = \"\"\"line one\n  \"quoted\" \\n\nend\"\"\"");

        Assert.Equal("line one\n  \"quoted\" \\n\nend", config.GetString("a"));
    }

    [Fact]
    public void Extra_quotes_before_triple_quote_end_belong_to_the_string()
    {
        var config = Config.Parse("a = \"\"\"x\"\"\"\"\"");

        Assert.Equal("x\"\"", config.GetString("a"));
    }

    [Fact]
    public void Unquoted_strings_stop_at_forbidden_characters()
    {
        var config = Config.Parse("a = some.host-name_1/path\nb = [x,y]\nc { d = e}");

        Assert.Equal("some.host-name_1/path", config.GetString("a"));
        Assert.Equal(["x", "y"], config.GetStringList("b"));
        Assert.Equal("e", config.GetString("c.d"));
    }

    [Fact]
    public void Numbers_keep_their_type_and_text()
    {
        var config = Config.Parse("i = 42\nn = -7\nf = 1.50\ne = 1e3");

        Assert.True(config.GetValue("i")!.IsNumber);
        Assert.Equal(-7, config.GetInt("n"));
        Assert.Equal("1.50", config.GetString("f"));
        Assert.Equal(1.5, config.GetDouble("f"));
        Assert.Equal(1000, config.GetLong("e"));
    }

    [Fact]
    public void Booleans_and_null_are_typed()
    {
        var config = Config.Parse("t = true\nf = false\nn = null\ns = \"true\"");

        Assert.Equal(HoconValueType.Boolean, config.GetValue("t")!.Type);
        Assert.True(config.GetBoolean("t"));
        Assert.False(config.GetBoolean("f"));
        Assert.True(config.GetValue("n")!.IsNull);
        Assert.True(config.GetValue("s")!.IsString);
    }

    [Fact]
    public void Null_value_counts_as_missing_for_getters()
    {
        var config = Config.Parse("n = null");

        Assert.False(config.HasPath("n"));
        Assert.Equal("fallback", config.GetString("n", "fallback"));
        Assert.Throws<ConfigException>(() => config.GetString("n"));
    }

    [Fact]
    public void Unicode_whitespace_and_crlf_line_endings_are_accepted()
    {
        var config = Config.Parse("\uFEFFa = 1\r\nb\u00A0=\u00A02\r\n");

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Include_is_an_ordinary_key_when_not_followed_by_a_file_name()
    {
        var config = Config.Parse("include = 5");

        Assert.Equal(5, config.GetInt("include"));
    }
}
