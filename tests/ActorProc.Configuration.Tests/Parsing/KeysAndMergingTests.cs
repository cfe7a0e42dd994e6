namespace ActorProc.Configuration.Tests.Parsing;

public class KeysAndMergingTests
{
    [Fact]
    public void Dotted_key_creates_nested_objects()
    {
        var config = Config.Parse("a.b.c = 1");

        Assert.True(config.GetValue("a")!.IsObject);
        Assert.True(config.GetValue("a.b")!.IsObject);
        Assert.Equal(1, config.GetInt("a.b.c"));
    }

    [Fact]
    public void Quoted_key_with_dots_is_a_single_key()
    {
        var config = Config.Parse("\"a.b\" = 1");

        Assert.False(config.HasPath("a"));
        Assert.Equal(1, config.GetInt("\"a.b\""));
        Assert.Equal("a.b", Assert.Single(config.AsEnumerable()).Key);
    }

    [Fact]
    public void Key_may_mix_quoted_and_unquoted_segments()
    {
        var config = Config.Parse("a.\"b.c\".d = 1");

        Assert.Equal(1, config.GetInt("a.\"b.c\".d"));
        Assert.Single(config.GetValue("a")!.GetObject());
    }

    [Fact]
    public void Key_with_inner_whitespace_keeps_it()
    {
        var config = Config.Parse("foo bar = 1");

        Assert.Equal(1, config.GetInt("\"foo bar\""));
    }

    [Fact]
    public void Numeric_key_segments_are_allowed()
    {
        var config = Config.Parse("servers.0.port = 80\n10.5 = x");

        Assert.Equal(80, config.GetInt("servers.0.port"));
        Assert.Equal("x", config.GetString("10.5"));
    }

    [Fact]
    public void Dotted_keys_add_to_an_existing_object()
    {
        var config = Config.Parse("a { b = 1 }\na.c = 2\na.b = 3");

        Assert.Equal(3, config.GetInt("a.b"));
        Assert.Equal(2, config.GetInt("a.c"));
    }

    [Fact]
    public void Later_object_merges_into_earlier_object()
    {
        var config = Config.Parse("a { x = 1, y { p = 1 } }\na { z = 3, y { q = 2 } }");

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(3, config.GetInt("a.z"));
        Assert.Equal(1, config.GetInt("a.y.p"));
        Assert.Equal(2, config.GetInt("a.y.q"));
    }

    [Fact]
    public void Later_non_object_replaces_earlier_object()
    {
        var config = Config.Parse("a { x = 1 }\na = 5");

        Assert.Equal(5, config.GetInt("a"));
    }

    [Fact]
    public void Later_object_replaces_earlier_non_object()
    {
        var config = Config.Parse("a = 5\na { x = 1 }");

        Assert.Equal(1, config.GetInt("a.x"));
    }

    [Fact]
    public void Object_after_intervening_non_object_does_not_merge_with_the_first_object()
    {
        var config = Config.Parse("a { x = 1 }\na = 5\na { y = 2 }");

        Assert.False(config.HasPath("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void Later_scalar_replaces_earlier_scalar()
    {
        var config = Config.Parse("a = 1\na = 2");

        Assert.Equal(2, config.GetInt("a"));
    }

    [Fact]
    public void Later_array_replaces_earlier_array()
    {
        var config = Config.Parse("a = [1, 2]\na = [3]");

        Assert.Equal([3], config.GetIntList("a"));
    }

    [Fact]
    public void Field_order_follows_first_definition()
    {
        var config = Config.Parse("b = 1\na = 2\nb = 3");

        Assert.Equal(["b", "a"], config.AsEnumerable().Select(f => f.Key).ToArray());
    }

    [Fact]
    public void Path_expressions_in_getters_accept_quoted_segments()
    {
        var config = Config.Parse("a { \"b.c\" { d = ok } }");

        Assert.Equal("ok", config.GetString("a.\"b.c\".d"));
        Assert.False(config.HasPath("a.b.c.d"));
    }

    [Fact]
    public void Invalid_path_expression_in_getter_is_a_config_exception()
    {
        var config = Config.Parse("a = 1");

        var error = Assert.Throws<ConfigException>(() => config.GetString("a..b"));

        Assert.Contains("'a..b'", error.Message, StringComparison.Ordinal);
    }
}
