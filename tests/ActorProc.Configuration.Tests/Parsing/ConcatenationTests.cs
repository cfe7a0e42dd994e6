using ActorProc.Configuration.Tests.Support;

namespace ActorProc.Configuration.Tests.Parsing;

public class ConcatenationTests
{
    [Fact]
    public void Unquoted_words_concatenate_keeping_inner_whitespace()
    {
        var config = Config.Parse("a = foo   bar  baz   ");

        Assert.Equal("foo   bar  baz", config.GetString("a"));
    }

    [Fact]
    public void Simple_values_and_substitutions_concatenate_into_a_string()
    {
        var config = Config.Parse("x = X\na = foo bar ${x}baz");

        Assert.Equal("foo bar Xbaz", config.GetString("a"));
    }

    [Fact]
    public void Quoted_and_unquoted_parts_concatenate()
    {
        var config = Config.Parse("a = \"hello \"world\" !\"");

        Assert.Equal("hello world !", config.GetString("a"));
    }

    [Fact]
    public void Numbers_and_booleans_in_a_concatenation_become_text()
    {
        var config = Config.Parse("n = 8080\na = \"localhost:\"${n}\nb = 1 true 2.50");

        Assert.Equal("localhost:8080", config.GetString("a"));
        Assert.Equal("1 true 2.50", config.GetString("b"));
        Assert.True(config.GetValue("b")!.IsString);
    }

    [Fact]
    public void Colon_inside_an_unquoted_value_is_rejected()
    {
        ParseAssert.FailsAt("a = localhost:8080", 1, 14, "Expected ',' or a new line");
    }

    [Fact]
    public void Array_concatenation_appends_arrays()
    {
        var config = Config.Parse("a = [1] [2, 3]\nb = [0] ${a}");

        Assert.Equal([1, 2, 3], config.GetIntList("a"));
        Assert.Equal([0, 1, 2, 3], config.GetIntList("b"));
    }

    [Fact]
    public void Object_concatenation_merges_objects()
    {
        var config = Config.Parse("a = {x = 1} {y = 2} {x = 3}");

        Assert.Equal(3, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void Object_concatenation_merges_with_an_earlier_object()
    {
        var config = Config.Parse("a { w = 0 }\na = {x = 1} {y = 2}");

        Assert.Equal(0, config.GetInt("a.w"));
        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void Concatenating_an_array_with_a_string_is_an_error()
    {
        ParseAssert.FailsAt("a = [1] foo", 1, 5, "Cannot concatenate an array with a string");
    }

    [Fact]
    public void Undefined_optional_substitution_concatenates_as_empty()
    {
        var config = Config.Parse("a = prefix${?nothing}suffix");

        Assert.Equal("prefixsuffix", config.GetString("a"));
    }

    [Fact]
    public void Plus_equals_appends_to_an_existing_array()
    {
        var config = Config.Parse("a = [1]\na += 2\na += [3]");

        var values = config.GetValue("a")!.GetArray();
        Assert.Equal(3, values.Count);
        Assert.Equal("2", values[1].GetString());
        Assert.True(values[2].IsArray);
    }

    [Fact]
    public void Plus_equals_creates_the_array_when_missing()
    {
        var config = Config.Parse("a += x\nb.c += 1\nb.c += 2");

        Assert.Equal(["x"], config.GetStringList("a"));
        Assert.Equal([1, 2], config.GetIntList("b.c"));
    }

    [Fact]
    public void Plus_equals_inside_an_object_appends_to_the_earlier_definition()
    {
        var config = Config.Parse("a { list = [1] }\na { list += 2 }");

        Assert.Equal([1, 2], config.GetIntList("a.list"));
    }

    [Fact]
    public void Plus_equals_on_a_non_array_is_an_error()
    {
        ParseAssert.FailsAt("a = 1\na += 2", 2, 6, "Cannot concatenate");
    }
}
