using System.Globalization;

namespace ActorProc.Configuration;

/// <summary>Parses HOCON durations such as <c>500ms</c>, <c>2.5 seconds</c> or <c>infinite</c>.</summary>
internal static class DurationParser
{
    /// <summary>Ticks (100 ns) per unit, keyed by every accepted spelling.</summary>
    private static readonly Dictionary<string, decimal> TicksPerUnit = BuildUnits();

    /// <summary>Converts text to a duration. A bare number means milliseconds.</summary>
    /// <returns>The error description, or null on success.</returns>
    public static string? TryParse(string text, bool allowInfinite, out TimeSpan result)
    {
        result = default;
        var trimmed = text.Trim();
        if (trimmed is "infinite" or "inf" or "off" or "Inf" or "Infinite")
        {
            if (!allowInfinite)
            {
                return "an infinite duration is not allowed here";
            }

            result = Timeout.InfiniteTimeSpan;
            return null;
        }

        var match = QuantityPattern.Instance().Match(trimmed);
        if (!match.Success)
        {
            return "expected a number followed by an optional time unit";
        }

        var unit = match.Groups[2].Value;
        if (!TicksPerUnit.TryGetValue(unit, out var ticksPerUnit))
        {
            return $"unknown time unit '{unit}'";
        }

        if (!decimal.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return "the number is out of range";
        }

        try
        {
            var ticks = decimal.Round(amount * ticksPerUnit, MidpointRounding.AwayFromZero);
            if (ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks)
            {
                return "the duration is out of range";
            }

            result = TimeSpan.FromTicks((long)ticks);
            return null;
        }
        catch (OverflowException)
        {
            return "the duration is out of range";
        }
    }

    private static Dictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal ticks, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = ticks;
            }
        }

        Add(0.01m, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(10m, "us", "µs", "μs", "micro", "micros", "microsecond", "microseconds");
        Add(TimeSpan.TicksPerMillisecond, string.Empty, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(TimeSpan.TicksPerSecond, "s", "second", "seconds");
        Add(TimeSpan.TicksPerMinute, "m", "minute", "minutes");
        Add(TimeSpan.TicksPerHour, "h", "hour", "hours");
        Add(TimeSpan.TicksPerDay, "d", "day", "days");
        return units;
    }
}
