namespace ActorProc.Configuration;

/// <summary>
/// Raised when a configuration setting is missing, has the wrong type or cannot be converted.
/// Also the base type of <see cref="HoconParseException"/>.
/// </summary>
public class ConfigException : Exception
{
    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">A description of the problem.</param>
    public ConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and the exception that caused it.</summary>
    /// <param name="message">A description of the problem.</param>
    /// <param name="innerException">The underlying cause.</param>
    public ConfigException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal static ConfigException Missing(string path) =>
        new($"No configuration setting found for path '{path}'");

    internal static ConfigException WrongType(string path, string shownValue, string expected, string? detail = null) =>
        new($"Setting '{path}' = '{shownValue}' is not a valid {expected}{(detail is null ? string.Empty : $" ({detail})")}");
}
