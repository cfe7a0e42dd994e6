namespace ActorProc.Configuration.Tests.Getters;

public class GetterTests
{
    private static readonly Config Sample = Config.Parse("""
        s = hello
        i = 42
        big = 9999999999
        huge = 99999999999999999999999
        d = 2.5
        qi = "17"
        bad = abc
        obj { x = 1 }
        list = [a, 1, true]
        ints = [1, "2", 3]
        mixed = [1, x]
        """);

    [Fact]
    public void Missing_path_without_default_names_the_path()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetString("a.b.c"));

        Assert.Equal("No configuration setting found for path 'a.b.c'", error.Message);
    }

    [Fact]
    public void Missing_path_with_default_returns_the_default_for_every_getter()
    {
        Assert.Equal("d", Sample.GetString("no", "d"));
        Assert.Equal(7, Sample.GetInt("no", 7));
        Assert.Equal(8L, Sample.GetLong("no", 8));
        Assert.Equal(1.5, Sample.GetDouble("no", 1.5));
        Assert.True(Sample.GetBoolean("no", true));
        Assert.Equal(TimeSpan.FromSeconds(3), Sample.GetTimeSpan("no", TimeSpan.FromSeconds(3)));
        Assert.Equal(99L, Sample.GetBytes("no", 99));
    }

    [Theory]
    [InlineData("int")]
    [InlineData("long")]
    [InlineData("double")]
    [InlineData("boolean")]
    [InlineData("duration")]
    [InlineData("bytes")]
    public void Missing_path_without_default_throws_for_every_getter(string kind)
    {
        Action read = kind switch
        {
            "int" => () => Sample.GetInt("nope"),
            "long" => () => Sample.GetLong("nope"),
            "double" => () => Sample.GetDouble("nope"),
            "boolean" => () => Sample.GetBoolean("nope"),
            "duration" => () => Sample.GetTimeSpan("nope"),
            _ => () => Sample.GetBytes("nope"),
        };

        var error = Assert.Throws<ConfigException>(read);

        Assert.Equal("No configuration setting found for path 'nope'", error.Message);
    }

    [Fact]
    public void Wrong_type_names_path_expected_type_and_value()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetInt("bad"));

        Assert.Equal("Setting 'bad' = 'abc' is not a valid int", error.Message);
    }

    [Fact]
    public void Int_out_of_range_is_reported_with_the_value()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetInt("big"));

        Assert.Equal("Setting 'big' = '9999999999' is not a valid int (out of range)", error.Message);
        Assert.Equal(9999999999L, Sample.GetLong("big"));
    }

    [Fact]
    public void Long_out_of_range_is_reported_with_the_value()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetLong("huge"));

        Assert.Contains("'huge' = '99999999999999999999999' is not a valid long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fractional_number_is_not_a_valid_int()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetInt("d"));

        Assert.Contains("is not a valid int", error.Message, StringComparison.Ordinal);
        Assert.Equal(2.5, Sample.GetDouble("d"));
    }

    [Fact]
    public void Quoted_numeric_string_converts_to_numbers()
    {
        Assert.Equal(17, Sample.GetInt("qi"));
        Assert.Equal(17L, Sample.GetLong("qi"));
        Assert.Equal(17.0, Sample.GetDouble("qi"));
    }

    [Fact]
    public void Non_numeric_string_is_not_a_valid_double()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetDouble("bad"));

        Assert.Equal("Setting 'bad' = 'abc' is not a valid double", error.Message);
    }

    [Fact]
    public void Get_string_returns_numbers_as_written()
    {
        Assert.Equal("42", Sample.GetString("i"));
        Assert.Equal("2.5", Sample.GetString("d"));
    }

    [Fact]
    public void Get_string_of_an_object_is_a_wrong_type_error()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetString("obj"));

        Assert.Equal("Setting 'obj' = '{x = 1}' is not a valid string", error.Message);
    }

    [Fact]
    public void Object_is_not_a_valid_int()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetInt("obj"));

        Assert.Contains("is not a valid int", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("\"true\"", true)]
    [InlineData("YES", true)]
    public void Boolean_spellings_are_accepted(string literal, bool expected)
    {
        Assert.Equal(expected, Config.Parse($"b = {literal}").GetBoolean("b"));
    }

    [Fact]
    public void Unknown_boolean_spelling_is_an_error()
    {
        var error = Assert.Throws<ConfigException>(() => Config.Parse("b = maybe").GetBoolean("b"));

        Assert.Equal("Setting 'b' = 'maybe' is not a valid boolean", error.Message);
    }

    [Fact]
    public void Number_is_not_a_valid_boolean()
    {
        Assert.Throws<ConfigException>(() => Config.Parse("b = 1").GetBoolean("b"));
    }

    [Fact]
    public void String_list_converts_scalars_to_text()
    {
        Assert.Equal(["a", "1", "true"], Sample.GetStringList("list"));
    }

    [Fact]
    public void Int_list_accepts_numeric_strings()
    {
        Assert.Equal([1, 2, 3], Sample.GetIntList("ints"));
    }

    [Fact]
    public void Int_list_with_a_bad_element_names_the_element()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetIntList("mixed"));

        Assert.Equal("Setting 'mixed[1]' = 'x' is not a valid int", error.Message);
    }

    [Fact]
    public void Missing_list_throws_naming_the_path()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetStringList("nolist"));

        Assert.Equal("No configuration setting found for path 'nolist'", error.Message);
    }

    [Fact]
    public void Scalar_is_not_a_valid_list()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetStringList("s"));

        Assert.Equal("Setting 's' = 'hello' is not a valid list", error.Message);
    }

    [Fact]
    public void Other_typed_lists_convert_elements()
    {
        var config = Config.Parse("l = [1, 2]\nd = [0.5, 2]\nb = [true, off]");

        Assert.Equal([1L, 2L], config.GetLongList("l"));
        Assert.Equal([0.5, 2.0], config.GetDoubleList("d"));
        Assert.Equal([true, false], config.GetBooleanList("b"));
    }

    [Fact]
    public void Get_config_returns_the_sub_tree()
    {
        var sub = Config.Parse("a { b { c = 1, d = 2 } }").GetConfig("a.b");

        Assert.Equal(2, sub.GetInt("d"));
        Assert.Equal(2, sub.AsEnumerable().Count());
    }

    [Fact]
    public void Get_config_of_missing_path_is_empty()
    {
        var sub = Sample.GetConfig("no.such.path");

        Assert.True(sub.IsEmpty);
        Assert.Same(Config.Empty, sub);
    }

    [Fact]
    public void Get_config_of_a_scalar_is_a_wrong_type_error()
    {
        var error = Assert.Throws<ConfigException>(() => Sample.GetConfig("s"));

        Assert.Equal("Setting 's' = 'hello' is not a valid object", error.Message);
    }

    [Fact]
    public void Has_path_is_true_for_present_values_and_objects()
    {
        Assert.True(Sample.HasPath("obj"));
        Assert.True(Sample.HasPath("obj.x"));
        Assert.False(Sample.HasPath("obj.y"));
        Assert.False(Sample.HasPath("s.deeper"));
    }

    [Fact]
    public void As_enumerable_lists_root_children_in_order()
    {
        var keys = Config.Parse("z = 1\na { b = 2 }\nm = 3").AsEnumerable().Select(p => p.Key);

        Assert.Equal(["z", "a", "m"], keys);
    }

    [Fact]
    public void Get_value_exposes_the_model()
    {
        var value = Sample.GetValue("obj")!;

        Assert.True(value.IsObject);
        Assert.False(value.IsArray);
        Assert.Equal(HoconValueType.Number, value.GetObject()["x"].Type);
        Assert.Null(Sample.GetValue("missing"));
        Assert.Throws<InvalidOperationException>(() => value.GetArray());
        Assert.Throws<InvalidOperationException>(() => value.GetString());
    }
}
