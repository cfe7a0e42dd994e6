namespace ActorProc.Configuration.Tests.Getters;

public class DurationTests
{
    private static TimeSpan Read(string literal, bool allowInfinite = true) =>
        Config.Parse($"d = {literal}").GetTimeSpan("d", allowInfinite: allowInfinite);

    [Theory]
    [InlineData("1ns", 0)]
    [InlineData("100ns", 1)]
    [InlineData("250 nanos", 3)]
    [InlineData("1nanosecond", 0)]
    [InlineData("500 nanoseconds", 5)]
    [InlineData("1us", 10)]
    [InlineData("1µs", 10)]
    [InlineData("2 micros", 20)]
    [InlineData("1 microsecond", 10)]
    [InlineData("3microseconds", 30)]
    public void Sub_millisecond_units_convert_to_ticks(string literal, long ticks)
    {
        Assert.Equal(TimeSpan.FromTicks(ticks), Read(literal));
    }

    [Theory]
    [InlineData("250", 250)]
    [InlineData("250ms", 250)]
    [InlineData("250 milli", 250)]
    [InlineData("250 millis", 250)]
    [InlineData("1 millisecond", 1)]
    [InlineData("250 milliseconds", 250)]
    [InlineData("2s", 2_000)]
    [InlineData("1 second", 1_000)]
    [InlineData("3 seconds", 3_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("2m", 120_000)]
    [InlineData("1 minute", 60_000)]
    [InlineData("2 minutes", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("1 hour", 3_600_000)]
    [InlineData("2 hours", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("1 day", 86_400_000)]
    [InlineData("2 days", 172_800_000)]
    [InlineData("\"10 s\"", 10_000)]
    public void Units_convert_to_milliseconds(string literal, long milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Read(literal));
    }

    [Theory]
    [InlineData("infinite")]
    [InlineData("off")]
    public void Infinite_spellings_give_infinite_timespan_when_allowed(string literal)
    {
        Assert.Equal(Timeout.InfiniteTimeSpan, Read(literal));
    }

    [Fact]
    public void Infinite_is_rejected_when_not_allowed()
    {
        var error = Assert.Throws<ConfigException>(() => Read("infinite", allowInfinite: false));

        Assert.Equal("Setting 'd' = 'infinite' is not a valid duration (an infinite duration is not allowed here)", error.Message);
    }

    [Fact]
    public void Unknown_unit_is_an_error_naming_the_unit()
    {
        var error = Assert.Throws<ConfigException>(() => Read("5 fortnights"));

        Assert.Equal("Setting 'd' = '5 fortnights' is not a valid duration (unknown time unit 'fortnights')", error.Message);
    }

    [Fact]
    public void Text_without_a_number_is_not_a_duration()
    {
        var error = Assert.Throws<ConfigException>(() => Read("soon"));

        Assert.Contains("is not a valid duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duration_out_of_range_is_an_error()
    {
        var error = Assert.Throws<ConfigException>(() => Read("99999999999999 days"));

        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duration_stays_as_written_for_get_string()
    {
        Assert.Equal("500ms", Config.Parse("d = 500ms").GetString("d"));
    }
}
