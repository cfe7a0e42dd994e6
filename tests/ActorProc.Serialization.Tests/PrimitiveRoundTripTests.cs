using System.Numerics;
using ActorProc.Serialization.Tests.Support;

namespace ActorProc.Serialization.Tests;

public class PrimitiveRoundTripTests
{
    public static TheoryData<object?> Values => new()
    {
        true, false, (byte)200, (sbyte)-5, (short)-30000, (ushort)65000, 0, -1, int.MinValue, int.MaxValue, uint.MaxValue,
        long.MinValue, long.MaxValue, ulong.MaxValue, 1.5f, float.NaN, double.NegativeInfinity, 3.14159, 'x', '\uFFFF',
        79228162514264337593543950335m, -0.0000000001m, "", "hello", "ünïcödé ✓ 𝄞", new string('a', 5000),
        Guid.NewGuid(), TimeSpan.FromTicks(-123456789), new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromHours(-5)),
        (Half)1.5, (Int128)(-12345678901234567L) * 1000000, UInt128.MaxValue, new DateOnly(1999, 12, 31), new TimeOnly(13, 14, 15),
        Color.Blue, Wide.Top, null,
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Boxed_primitive_keeps_its_value_and_type(object? value)
    {
        object? copy = RoundTrip.Copy(value);
        Assert.Equal(value, copy);
        Assert.Equal(value?.GetType(), copy?.GetType());
    }

    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)]
    public void DateTime_keeps_ticks_and_kind(DateTimeKind kind)
    {
        var value = new DateTime(638000000000000123, kind);
        var copy = RoundTrip.Copy(value);
        Assert.Equal(value.Ticks, copy.Ticks);
        Assert.Equal(kind, copy.Kind);
    }

    [Fact]
    public void Typed_primitives_round_trip_without_boxing()
    {
        Assert.Equal(42, RoundTrip.Copy(42));
        Assert.Equal(-7L, RoundTrip.Copy(-7L));
        Assert.Equal("text", RoundTrip.Copy("text"));
        Assert.Null(RoundTrip.Copy<string?>(null));
        Assert.Equal(12.5m, RoundTrip.Copy(12.5m));
    }

    [Fact]
    public void Nullables_round_trip_with_and_without_value()
    {
        Assert.Equal(5, RoundTrip.Copy<int?>(5));
        Assert.Null(RoundTrip.Copy<int?>(null));
        Assert.Equal(Color.Green, RoundTrip.Copy<Color?>(Color.Green));
        Assert.Null(RoundTrip.Copy<Point3?>(null));
    }

    [Fact]
    public void Uri_version_and_biginteger_round_trip()
    {
        Assert.Equal(new Uri("https://example.org/a?b=c"), RoundTrip.Copy(new Uri("https://example.org/a?b=c")));
        Assert.Equal(new Uri("relative/path", UriKind.Relative), RoundTrip.Copy(new Uri("relative/path", UriKind.Relative)));
        Assert.Equal(new Version(1, 2, 3, 4), RoundTrip.Copy(new Version(1, 2, 3, 4)));
        var big = BigInteger.Pow(3, 200) * -1;
        Assert.Equal(big, RoundTrip.Copy(big));
        Assert.Equal((object)big, RoundTrip.Copy<object>(big));
    }

    [Fact]
    public void Small_integers_are_written_as_one_byte_varints()
    {
        Assert.Single(RoundTrip.Default.SerializeToArray(5));
        Assert.Single(RoundTrip.Default.SerializeToArray(-5L));
        Assert.Equal(5, RoundTrip.Default.SerializeToArray(int.MaxValue).Length);
    }

    [Fact]
    public void Strings_are_utf8_with_a_length_prefix()
    {
        byte[] bytes = RoundTrip.Default.SerializeToArray("héllo");
        Assert.Equal(7, bytes[0]);
        Assert.Equal("héllo", System.Text.Encoding.UTF8.GetString(bytes, 1, bytes.Length - 1));
    }
}
