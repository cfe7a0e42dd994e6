namespace ActorProc.Configuration.Tests.Getters;

public class SizeTests
{
    private static long Read(string literal) => Config.Parse($"s = {literal}").GetBytes("s");

    [Theory]
    [InlineData("512", 512L)]
    [InlineData("512B", 512L)]
    [InlineData("512 bytes", 512L)]
    [InlineData("1 byte", 1L)]
    [InlineData("1K", 1024L)]
    [InlineData("1k", 1024L)]
    [InlineData("1Ki", 1024L)]
    [InlineData("1KiB", 1024L)]
    [InlineData("2 kibibytes", 2048L)]
    [InlineData("1 kibibyte", 1024L)]
    [InlineData("1KB", 1000L)]
    [InlineData("1kB", 1000L)]
    [InlineData("3 kilobytes", 3000L)]
    [InlineData("1M", 1048576L)]
    [InlineData("1MiB", 1048576L)]
    [InlineData("1 mebibytes", 1048576L)]
    [InlineData("1MB", 1000000L)]
    [InlineData("1 megabytes", 1000000L)]
    [InlineData("1G", 1073741824L)]
    [InlineData("1GiB", 1073741824L)]
    [InlineData("1GB", 1000000000L)]
    [InlineData("1 gigabytes", 1000000000L)]
    [InlineData("1T", 1099511627776L)]
    [InlineData("1TiB", 1099511627776L)]
    [InlineData("1TB", 1000000000000L)]
    [InlineData("1 terabytes", 1000000000000L)]
    [InlineData("1.5K", 1536L)]
    [InlineData("\"64 MiB\"", 67108864L)]
    public void Units_convert_to_bytes(string literal, long expected)
    {
        Assert.Equal(expected, Read(literal));
    }

    [Fact]
    public void Unknown_size_unit_is_an_error()
    {
        var error = Assert.Throws<ConfigException>(() => Read("5 XB"));

        Assert.Equal("Setting 's' = '5 XB' is not a valid size in bytes (unknown size unit 'XB')", error.Message);
    }

    [Fact]
    public void Size_out_of_range_is_an_error()
    {
        var error = Assert.Throws<ConfigException>(() => Read("99999999 TB"));

        Assert.Contains("out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_stays_as_written_for_get_string()
    {
        Assert.Equal("10MiB", Config.Parse("s = 10MiB").GetString("s"));
    }
}
