using ActorProc.Configuration.Tests.Support;

namespace ActorProc.Configuration.Tests.Parsing;

public class SubstitutionTests
{
    private static string UniqueVariable() => "ACTORPROC_TEST_" + Guid.NewGuid().ToString("N").ToUpperInvariant();

    [Fact]
    public void Substitution_copies_a_value_by_path()
    {
        var config = Config.Parse("a { b = 5 }\nc = ${a.b}");

        Assert.Equal(5, config.GetInt("c"));
        Assert.True(config.GetValue("c")!.IsNumber);
    }

    [Fact]
    public void Forward_reference_is_resolved_against_the_final_root()
    {
        var config = Config.Parse("c = ${a.b}\na.b = 1\na.b = 2");

        Assert.Equal(2, config.GetInt("c"));
    }

    [Fact]
    public void Substitution_may_copy_a_whole_object()
    {
        var config = Config.Parse("defaults { timeout = 5s, retries = 3 }\nservice = ${defaults}");

        Assert.Equal(3, config.GetInt("service.retries"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("service.timeout"));
    }

    [Fact]
    public void Object_from_substitution_merges_with_a_later_object()
    {
        var config = Config.Parse("defaults { timeout = 5s, retries = 3 }\nservice = ${defaults}\nservice { retries = 7 }");

        Assert.Equal(7, config.GetInt("service.retries"));
        Assert.Equal("5s", config.GetString("service.timeout"));
    }

    [Fact]
    public void Object_from_substitution_followed_by_object_literal_merges()
    {
        var config = Config.Parse("base { a = 1 }\nchild = ${base} { b = 2 }");

        Assert.Equal(1, config.GetInt("child.a"));
        Assert.Equal(2, config.GetInt("child.b"));
    }

    [Fact]
    public void Chained_substitutions_resolve()
    {
        var config = Config.Parse("a = ${b}\nb = ${c}\nc = end");

        Assert.Equal("end", config.GetString("a"));
    }

    [Fact]
    public void Substitution_inside_an_object_may_refer_to_a_sibling()
    {
        var config = Config.Parse("bar { foo = 42, baz = ${bar.foo} }");

        Assert.Equal(42, config.GetInt("bar.baz"));
    }

    [Fact]
    public void Substitution_may_use_a_quoted_path_segment()
    {
        var config = Config.Parse("a { \"b.c\" = 1 }\nd = ${a.\"b.c\"}");

        Assert.Equal(1, config.GetInt("d"));
    }

    [Fact]
    public void Self_reference_appends_to_the_previous_array()
    {
        var config = Config.Parse("a = [1, 2]\na = ${a} [3]");

        Assert.Equal([1, 2, 3], config.GetIntList("a"));
    }

    [Fact]
    public void Self_reference_extends_the_previous_object()
    {
        var config = Config.Parse("a = { x = 1 }\na = ${a} { y = 2 }");

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void Self_reference_extends_the_previous_string()
    {
        var config = Config.Parse("path = \"/bin\"\npath = ${path}\":/usr/bin\"");

        Assert.Equal("/bin:/usr/bin", config.GetString("path"));
    }

    [Fact]
    public void Self_reference_in_a_nested_field_uses_the_previous_nested_value()
    {
        var config = Config.Parse("a { list = [1] }\na { list = ${a.list} [2] }\na.list = ${a.list} [3]");

        Assert.Equal([1, 2, 3], config.GetIntList("a.list"));
    }

    [Fact]
    public void Optional_self_reference_without_previous_value_is_left_out_of_the_concatenation()
    {
        var config = Config.Parse("a = ${?a} [1]");

        Assert.Equal([1], config.GetIntList("a"));
    }

    [Fact]
    public void Required_self_reference_without_previous_value_is_an_error()
    {
        ParseAssert.FailsAt("x = 1\na = ${a} [1]", 2, 5, "Could not resolve substitution ${a}");
    }

    [Fact]
    public void Optional_substitution_of_missing_path_omits_the_field()
    {
        var config = Config.Parse("a = ${?missing.path}\nb = 1");

        Assert.False(config.HasPath("a"));
        Assert.DoesNotContain(config.AsEnumerable(), f => f.Key == "a");
    }

    [Fact]
    public void Optional_substitution_of_missing_path_keeps_the_earlier_value()
    {
        var config = Config.Parse("a = default\na = ${?missing.path}");

        Assert.Equal("default", config.GetString("a"));
    }

    [Fact]
    public void Optional_substitution_of_present_path_replaces_the_earlier_value()
    {
        var config = Config.Parse("a = default\na = ${?b}\nb = override");

        Assert.Equal("override", config.GetString("a"));
    }

    [Fact]
    public void Optional_substitution_falls_back_to_an_environment_variable()
    {
        var name = UniqueVariable();
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            var config = Config.Parse($"a = default\na = ${{?{name}}}");

            Assert.Equal("from-env", config.GetString("a"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Config_value_takes_precedence_over_an_environment_variable()
    {
        var name = UniqueVariable();
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            var config = Config.Parse($"{name} = from-config\na = ${{?{name}}}");

            Assert.Equal("from-config", config.GetString("a"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Required_substitution_also_falls_back_to_an_environment_variable()
    {
        var name = UniqueVariable();
        Environment.SetEnvironmentVariable(name, "/home/test");
        try
        {
            var config = Config.Parse($"home = ${{{name}}}/data");

            Assert.Equal("/home/test/data", config.GetString("home"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Optional_substitution_without_config_or_environment_is_left_out()
    {
        var config = Config.Parse($"a = ${{?{UniqueVariable()}}}");

        Assert.False(config.HasPath("a"));
    }

    [Fact]
    public void Optional_substitution_inside_an_array_is_dropped_when_undefined()
    {
        var config = Config.Parse("a = [1, ${?nothing}, 3]");

        Assert.Equal([1, 3], config.GetIntList("a"));
    }

    [Fact]
    public void Unresolved_required_substitution_names_path_and_location()
    {
        var error = ParseAssert.FailsAt("a = 1\nb {\n  c = ${x.y.z}\n}", 3, 7, "Could not resolve substitution ${x.y.z}");

        Assert.Contains("'x.y.z'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitution_cycle_is_an_error()
    {
        var error = ParseAssert.FailsAt("a = ${b}\nb = ${a}", 2, 5, "Substitution cycle detected");

        Assert.Contains("${b} -> ${a} -> ${b}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_referring_to_itself_is_a_cycle()
    {
        ParseAssert.FailsAt("a { b = ${a} }", 1, 9, "Substitution cycle detected");
    }
}
