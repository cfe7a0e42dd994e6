using System.Globalization;

namespace ActorProc.Configuration;

/// <summary>
/// Converts resolved values to .NET types for the <see cref="Config"/> getters. Numbers given as strings
/// (<c>"5"</c>) are accepted, as HOCON allows; failures name the path and the offending value.
/// </summary>
internal static class ValueConverter
{
    public static string ToText(HoconValue value, string path) =>
        value.IsScalar ? value.GetString()! : throw ConfigException.WrongType(path, value.ToDisplayString(), "string");

    public static long ToLong(HoconValue value, string path) => ToInteger(value, path, "long", long.MinValue, long.MaxValue);

    public static int ToInt(HoconValue value, string path) => (int)ToInteger(value, path, "int", int.MinValue, int.MaxValue);

    public static double ToDouble(HoconValue value, string path)
    {
        var text = NumericText(value, path, "double");
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw ConfigException.WrongType(path, text, "double");
    }

    public static bool ToBoolean(HoconValue value, string path)
    {
        if (value.IsBoolean)
        {
            return value == HoconValue.True;
        }

        var text = value.IsString ? value.GetString()!.Trim() : null;
        return text?.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw ConfigException.WrongType(path, value.ToDisplayString(), "boolean"),
        };
    }

    public static TimeSpan ToTimeSpan(HoconValue value, string path, bool allowInfinite)
    {
        if (!value.IsString && !value.IsNumber)
        {
            throw ConfigException.WrongType(path, value.ToDisplayString(), "duration");
        }

        var error = DurationParser.TryParse(value.GetString()!, allowInfinite, out var result);
        return error is null ? result : throw ConfigException.WrongType(path, value.GetString()!, "duration", error);
    }

    public static long ToBytes(HoconValue value, string path)
    {
        if (!value.IsString && !value.IsNumber)
        {
            throw ConfigException.WrongType(path, value.ToDisplayString(), "size in bytes");
        }

        var error = ByteSizeParser.TryParse(value.GetString()!, out var result);
        return error is null ? result : throw ConfigException.WrongType(path, value.GetString()!, "size in bytes", error);
    }

    private static string NumericText(HoconValue value, string path, string expected) =>
        value.IsNumber || value.IsString
            ? value.GetString()!.Trim()
            : throw ConfigException.WrongType(path, value.ToDisplayString(), expected);

    private static long ToInteger(HoconValue value, string path, string expected, long min, long max)
    {
        var text = NumericText(value, path, expected);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole >= min && whole <= max ? whole : throw ConfigException.WrongType(path, text, expected, "out of range");
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            // Too large even for decimal, or not a number at all.
            throw double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? ConfigException.WrongType(path, text, expected, "out of range")
                : ConfigException.WrongType(path, text, expected);
        }

        if (number != decimal.Truncate(number))
        {
            throw ConfigException.WrongType(path, text, expected, "not a whole number");
        }

        return number >= min && number <= max ? (long)number : throw ConfigException.WrongType(path, text, expected, "out of range");
    }
}
