namespace ActorProc.Configuration;

/// <summary>
/// Raised when HOCON text cannot be parsed or resolved. The message has the form
/// <c>origin(line,column): description</c>, pointing at the offending token.
/// </summary>
public sealed class HoconParseException : ConfigException
{
    /// <summary>Creates a parse error located at <paramref name="line"/> and <paramref name="column"/> of <paramref name="origin"/>.</summary>
    /// <param name="origin">The file name or description of the parsed text.</param>
    /// <param name="line">The 1-based line of the offending token.</param>
    /// <param name="column">The 1-based column of the offending token.</param>
    /// <param name="description">What went wrong, without the location prefix.</param>
    public HoconParseException(string origin, int line, int column, string description)
        : base($"{origin}({line},{column}): {description}")
    {
        Origin = origin;
        Line = line;
        Column = column;
        Description = description;
    }

    /// <summary>The file name or description of the text in which the error occurred.</summary>
    public string Origin { get; }

    /// <summary>The 1-based line of the offending token.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the offending token.</summary>
    public int Column { get; }

    /// <summary>The description of the problem, without the location prefix.</summary>
    public string Description { get; }

    internal static HoconParseException At(SourceLocation location, string description) =>
        new(location.Origin, location.Line, location.Column, description);
}
