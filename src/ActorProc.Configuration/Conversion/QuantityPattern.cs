using System.Text.RegularExpressions;

namespace ActorProc.Configuration;

/// <summary>
/// A number followed by an optional unit (<c>500ms</c>, <c>2.5 seconds</c>, <c>64 KiB</c>): group 1 the number, group 2
/// the unit. Shared by durations and byte sizes; generated at build time, so that reading the first setting of a
/// process does not build a regex.
/// </summary>
internal static partial class QuantityPattern
{
    /// <summary>The pattern.</summary>
    [GeneratedRegex("^([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)\\s*([^0-9\\s]*)$", RegexOptions.CultureInvariant)]
    public static partial Regex Instance();
}
