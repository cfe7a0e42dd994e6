using System.Text;

namespace ActorProc.Configuration;

/// <summary>
/// A parsed path expression such as <c>a.b."c.d"</c>: a non-empty list of key segments.
/// </summary>
internal sealed class HoconPath : IEquatable<HoconPath>
{
    private readonly string[] _segments;

    public HoconPath(IEnumerable<string> segments)
    {
        _segments = [.. segments];
    }

    public static HoconPath Root { get; } = new([]);

    public IReadOnlyList<string> Segments => _segments;

    public int Count => _segments.Length;

    public bool IsRoot => _segments.Length == 0;

    public string this[int index] => _segments[index];

    /// <summary>Parses a path expression; quoted segments may contain dots.</summary>
    public static bool TryParse(string expression, out HoconPath? path, out string? error)
    {
        path = null;
        List<Token> tokens;
        try
        {
            tokens = HoconTokenizer.Tokenize(expression, "<path>");
        }
        catch (HoconParseException ex)
        {
            error = ex.Description;
            return false;
        }

        var builder = new KeyPathBuilder();
        var content = tokens.Where(t => t.Kind != TokenKind.EndOfFile).ToList();
        var first = content.FindIndex(t => t.Kind != TokenKind.Whitespace);
        var last = content.FindLastIndex(t => t.Kind != TokenKind.Whitespace);
        if (first < 0)
        {
            error = "path is empty";
            return false;
        }

        for (var i = first; i <= last; i++)
        {
            var token = content[i];
            switch (token.Kind)
            {
                case TokenKind.Unquoted:
                    builder.AppendUnquoted(token.Text);
                    break;
                case TokenKind.QuotedString:
                    builder.AppendQuoted(token.Text);
                    break;
                case TokenKind.Whitespace:
                    builder.AppendWhitespace(token.Text);
                    break;
                default:
                    error = $"'{token.Describe()}' is not allowed in a path";
                    return false;
            }

            if (builder.Error is not null)
            {
                error = builder.Error;
                return false;
            }
        }

        path = builder.Build();
        error = builder.Error;
        return path is not null;
    }

    /// <summary>Parses a path expression or throws <see cref="ConfigException"/>.</summary>
    public static HoconPath Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return TryParse(expression, out var path, out var error)
            ? path!
            : throw new ConfigException($"Invalid path expression '{expression}': {error}");
    }

    public HoconPath Append(HoconPath other) => new(_segments.Concat(other._segments));

    public HoconPath Append(string segment) => new(_segments.Append(segment));

    public HoconPath Skip(int count) => new(_segments.Skip(count));

    /// <summary>True when <paramref name="prefix"/> equals this path or is an ancestor of it.</summary>
    public bool StartsWith(HoconPath prefix)
    {
        if (prefix.Count > Count)
        {
            return false;
        }

        for (var i = 0; i < prefix.Count; i++)
        {
            if (!string.Equals(_segments[i], prefix._segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public bool Equals(HoconPath? other) => other is not null && other.Count == Count && StartsWith(other);

    public override bool Equals(object? obj) => Equals(obj as HoconPath);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var segment in _segments)
        {
            hash.Add(segment, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Renders the path as an expression, quoting segments that need it.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var segment in _segments)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(HoconRenderer.RenderKey(segment));
        }

        return builder.ToString();
    }
}
