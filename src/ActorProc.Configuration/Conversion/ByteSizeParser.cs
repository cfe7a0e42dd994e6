using System.Globalization;

namespace ActorProc.Configuration;

/// <summary>
/// Parses HOCON memory sizes such as <c>512K</c>, <c>10 MB</c> or <c>1GiB</c>. Following the HOCON spec,
/// single letters and <c>KiB</c>-style units are powers of 1024, while <c>KB</c>-style units are powers of 1000.
/// </summary>
internal static class ByteSizeParser
{
    private static readonly Dictionary<string, decimal> BytesPerUnit = BuildUnits();

    /// <summary>Converts text to a number of bytes. A bare number means bytes; fractions are truncated.</summary>
    /// <returns>The error description, or null on success.</returns>
    public static string? TryParse(string text, out long result)
    {
        result = 0;
        var match = QuantityPattern.Instance().Match(text.Trim());
        if (!match.Success)
        {
            return "expected a number followed by an optional size unit";
        }

        var unit = match.Groups[2].Value;
        if (!BytesPerUnit.TryGetValue(unit, out var multiplier))
        {
            return $"unknown size unit '{unit}'";
        }

        if (!decimal.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return "the number is out of range";
        }

        try
        {
            var bytes = decimal.Truncate(amount * multiplier);
            if (bytes > long.MaxValue || bytes < long.MinValue)
            {
                return "the size is out of range";
            }

            result = (long)bytes;
            return null;
        }
        catch (OverflowException)
        {
            return "the size is out of range";
        }
    }

    private static Dictionary<string, decimal> BuildUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal bytes, params string[] names)
        {
            foreach (var name in names)
            {
                units[name] = bytes;
            }
        }

        Add(1m, string.Empty, "B", "b", "byte", "bytes");
        string[] binary = ["K", "M", "G", "T", "P", "E"];
        string[] binaryWords = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi"];
        string[] decimalWords = ["kilo", "mega", "giga", "tera", "peta", "exa"];
        decimal power1024 = 1m;
        decimal power1000 = 1m;
        for (var i = 0; i < binary.Length; i++)
        {
            power1024 *= 1024m;
            power1000 *= 1000m;
            var letter = binary[i];
            Add(power1024, letter, letter.ToLowerInvariant(), letter + "i", letter + "iB", binaryWords[i] + "byte", binaryWords[i] + "bytes");
            Add(power1000, letter + "B", decimalWords[i] + "byte", decimalWords[i] + "bytes");
        }

        // The spec spells the kilo prefix with a lower-case k as well.
        Add(1000m, "kB");
        return units;
    }
}
