namespace ActorProc.Configuration;

/// <summary>Interprets the <c>file(...)</c>, <c>classpath(...)</c> and <c>required(...)</c> forms of an include and finds the file.</summary>
internal static class IncludeLocator
{
    /// <summary>
    /// Checks the text around the quoted name (e.g. <c>required(file(</c> and <c>))</c>) and returns the
    /// directory relative names are resolved against. Every include is treated as required.
    /// </summary>
    public static string BaseDirectoryFor(Token keyword, string opening, string closing, Token closingToken, string currentDirectory)
    {
        var wrapper = opening;
        var depth = 0;
        if (wrapper.StartsWith("required(", StringComparison.Ordinal))
        {
            depth++;
            wrapper = wrapper["required(".Length..];
        }

        var baseDirectory = currentDirectory;
        switch (wrapper)
        {
            case "":
                break;
            case "file(":
                depth++;
                break;
            case "classpath(":
                depth++;
                baseDirectory = AppContext.BaseDirectory;
                break;
            case "url(":
                throw HoconParseException.At(keyword.Location, "url() includes are not supported");
            default:
                throw HoconParseException.At(
                    keyword.Location,
                    $"Invalid include syntax '{opening}': expected file(\"...\"), classpath(\"...\") or required(...)");
        }

        if (closing != new string(')', depth))
        {
            throw HoconParseException.At(
                closingToken.Location,
                $"Invalid include syntax: expected {depth} closing ')' after the file name but found '{closing}'");
        }

        return baseDirectory;
    }

    /// <summary>Resolves the included file's full path, failing when it does not exist or would form a cycle.</summary>
    public static string Locate(Token nameToken, string baseDirectory, IReadOnlyList<string> chain)
    {
        var candidate = Path.GetFullPath(Path.Combine(baseDirectory, nameToken.Text));
        if (!File.Exists(candidate) && !Path.HasExtension(candidate) && File.Exists(candidate + ".conf"))
        {
            candidate += ".conf";
        }

        if (!File.Exists(candidate))
        {
            throw HoconParseException.At(nameToken.Location, $"Included file '{nameToken.Text}' was not found (looked for '{candidate}')");
        }

        if (chain.Contains(candidate, StringComparer.Ordinal))
        {
            var cycle = string.Join(" -> ", chain.SkipWhile(f => f != candidate).Append(candidate).Select(Path.GetFileName));
            throw HoconParseException.At(nameToken.Location, $"Include cycle detected: {cycle}");
        }

        return candidate;
    }
}
