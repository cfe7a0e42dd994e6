namespace ActorProc.Configuration.Tests.Core;

public class RenderingTests
{
    [Fact]
    public void To_hocon_round_trips_through_parse()
    {
        var original = Config.Parse(""""
            a.b = 1
            "key.with.dots" = value
            include-like { "include" = 1 }
            text = "quote \" backslash \\ newline \n tab \t ctrl \u0001"
            multi = """line1
            line2"""
            empty-obj {}
            empty-list = []
            list = [1, two, true, null, 2.50]
            nested = [{ x = 1 }, [1, 2], []]
            n = null
            dur = 500ms
            numeric-string = "5"
            "" = empty-key
            """");

        var rendered = original.ToHocon();
        var reparsed = Config.Parse(rendered);

        Assert.Equal(rendered, reparsed.ToHocon());
        Assert.Equal("value", reparsed.GetString("\"key.with.dots\""));
        Assert.Equal("quote \" backslash \\ newline \n tab \t ctrl \u0001", reparsed.GetString("text"));
        Assert.Equal("line1\nline2", reparsed.GetString("multi"));
        Assert.True(reparsed.GetValue("numeric-string")!.IsString);
        Assert.Equal("2.50", reparsed.GetValue("list")!.GetArray()[4].GetString());
        Assert.True(reparsed.GetValue("n")!.IsNull);
        Assert.Equal("empty-key", reparsed.GetString("\"\""));
        Assert.Equal(1, reparsed.GetInt("include-like.include"));
    }

    [Fact]
    public void To_hocon_renders_nested_objects_with_indentation()
    {
        var rendered = Config.Parse("a { b { c = 1 } }\nd = [1, 2]").ToHocon();

        Assert.Equal("a = {\n    b = {\n        c = 1\n    }\n}\nd = [1, 2]\n", rendered);
    }

    [Fact]
    public void To_string_matches_to_hocon()
    {
        var config = Config.Parse("a = 1");

        Assert.Equal(config.ToHocon(), config.ToString());
    }

    [Fact]
    public void Value_to_string_renders_hocon()
    {
        var value = Config.Parse("a = [x, { y = \"z\" }]").GetValue("a")!;

        Assert.Equal("[\n    \"x\",\n    {\n        y = \"z\"\n    }\n]", value.ToString());
    }

    [Fact]
    public void Empty_config_renders_as_empty_text()
    {
        Assert.Equal(string.Empty, Config.Empty.ToHocon());
    }
}
