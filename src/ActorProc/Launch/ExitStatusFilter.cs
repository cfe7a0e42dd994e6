using System.Globalization;
using System.Text;

namespace ActorProc.Multiprocessing.Launch;

/// <summary>
/// Passes a child's stdout text through while picking out the exit-status record the child writes as
/// its last act (<c>\u001EACTORPROC-EXIT n\n</c>). Text that could be the start of a record is held back
/// until it is known not to be one, so ordinary output is never delayed (a record starts with the rare
/// RS control character).
/// </summary>
internal sealed class ExitStatusFilter
{
    /// <summary>The record's start.</summary>
    public const string Prefix = "\u001EACTORPROC-EXIT ";

    private readonly StringBuilder _held = new();

    /// <summary>The exit code the child reported, or null when it reported none (killed by a signal).</summary>
    public int? Status { get; private set; }

    /// <summary>The record for <paramref name="code"/>.</summary>
    public static string Record(int code) => Prefix + code.ToString(CultureInfo.InvariantCulture) + "\n";

    /// <summary>Feeds a chunk; returns the text to forward now.</summary>
    public string Push(ReadOnlySpan<char> chunk)
    {
        if (_held.Length == 0 && chunk.IndexOf('\u001E') < 0)
        {
            return chunk.ToString();
        }

        _held.Append(chunk);
        var text = _held.ToString();
        _held.Clear();
        var output = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            int rs = text.IndexOf('\u001E', i);
            if (rs < 0)
            {
                output.Append(text, i, text.Length - i);
                break;
            }

            output.Append(text, i, rs - i);
            var rest = text.AsSpan(rs);
            if (rest.Length < Prefix.Length)
            {
                if (Prefix.AsSpan().StartsWith(rest))
                {
                    _held.Append(rest);
                    break;
                }
            }
            else if (rest.StartsWith(Prefix))
            {
                int end = rest.IndexOf('\n');
                if (end < 0)
                {
                    _held.Append(rest);
                    break;
                }

                if (int.TryParse(rest[Prefix.Length..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code))
                {
                    Status = code;
                    i = rs + end + 1;
                    continue;
                }
            }

            output.Append('\u001E');
            i = rs + 1;
        }

        return output.ToString();
    }

    /// <summary>At end of stream: whatever is still held back.</summary>
    public string Flush()
    {
        var rest = _held.ToString();
        _held.Clear();
        return rest;
    }
}
