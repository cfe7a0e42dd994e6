using System.Text;

namespace ActorProc.Configuration;

/// <summary>
/// Builds a <see cref="HoconPath"/> from key pieces: unquoted text is split on dots,
/// quoted text and inner whitespace are taken literally.
/// </summary>
internal sealed class KeyPathBuilder
{
    private readonly List<string> _segments = [];
    private readonly StringBuilder _current = new();
    private bool _currentHasContent;

    /// <summary>The first problem found, or null.</summary>
    public string? Error { get; private set; }

    public void AppendUnquoted(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '.')
            {
                continue;
            }

            _current.Append(text, start, i - start);
            _currentHasContent |= i > start;
            FinishSegment();
            start = i + 1;
        }

        if (start < text.Length)
        {
            _current.Append(text, start, text.Length - start);
            _currentHasContent = true;
        }
    }

    public void AppendQuoted(string text)
    {
        _current.Append(text);
        _currentHasContent = true;
    }

    public void AppendWhitespace(string text)
    {
        _current.Append(text);
    }

    /// <summary>Completes the path; returns null and sets <see cref="Error"/> when it is malformed.</summary>
    public HoconPath? Build()
    {
        FinishSegment();
        return Error is null ? new HoconPath(_segments) : null;
    }

    private void FinishSegment()
    {
        if (!_currentHasContent)
        {
            Error ??= _segments.Count == 0 && _current.Length == 0
                ? "a path must not start with '.' or be empty"
                : "a path must not contain an empty segment ('..' or a trailing '.')";
        }

        _segments.Add(_current.ToString());
        _current.Clear();
        _currentHasContent = false;
    }
}
