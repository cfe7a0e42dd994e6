using System.Globalization;
using System.Text;

namespace ActorProc.Configuration;

/// <summary>Splits HOCON text into tokens, tracking 1-based line and column numbers.</summary>
internal sealed class HoconTokenizer
{
    /// <summary>Characters that may not appear in unquoted text.</summary>
    internal const string ForbiddenCharacters = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _origin;
    private readonly List<Token> _tokens = [];
    private int _position;
    private int _line = 1;
    private int _column = 1;

    private HoconTokenizer(string text, string origin)
    {
        _text = text;
        _origin = origin;
    }

    public static List<Token> Tokenize(string text, string origin)
    {
        var tokenizer = new HoconTokenizer(text, origin);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    internal static bool IsWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private SourceLocation Here => new(_origin, _line, _column);

    private char Current => _text[_position];

    private bool HasMore => _position < _text.Length;

    private char PeekAt(int offset) => _position + offset < _text.Length ? _text[_position + offset] : '\0';

    private void Run()
    {
        while (HasMore)
        {
            var c = Current;
            var location = Here;
            if (c == '\n')
            {
                Advance();
                Add(TokenKind.Newline, "\n", location);
            }
            else if (IsWhitespace(c))
            {
                var start = _position;
                while (HasMore && IsWhitespace(Current))
                {
                    Advance();
                }

                Add(TokenKind.Whitespace, _text[start.._position], location);
            }
            else if (c == '#' || (c == '/' && PeekAt(1) == '/'))
            {
                while (HasMore && Current != '\n')
                {
                    Advance();
                }
            }
            else
            {
                ReadSymbolOrValue(c, location);
            }
        }

        Add(TokenKind.EndOfFile, string.Empty, Here);
    }

    private void ReadSymbolOrValue(char c, SourceLocation location)
    {
        switch (c)
        {
            case '{':
                AddSingle(TokenKind.LeftBrace, location);
                break;
            case '}':
                AddSingle(TokenKind.RightBrace, location);
                break;
            case '[':
                AddSingle(TokenKind.LeftBracket, location);
                break;
            case ']':
                AddSingle(TokenKind.RightBracket, location);
                break;
            case ',':
                AddSingle(TokenKind.Comma, location);
                break;
            case '=':
                AddSingle(TokenKind.Equals, location);
                break;
            case ':':
                AddSingle(TokenKind.Colon, location);
                break;
            case '+' when PeekAt(1) == '=':
                Advance();
                Advance();
                Add(TokenKind.PlusEquals, "+=", location);
                break;
            case '"' when PeekAt(1) == '"' && PeekAt(2) == '"':
                ReadTripleQuoted(location);
                break;
            case '"':
                ReadQuoted(location);
                break;
            case '$' when PeekAt(1) == '{':
                ReadSubstitution(location);
                break;
            default:
                if (ForbiddenCharacters.Contains(c, StringComparison.Ordinal))
                {
                    throw HoconParseException.At(location, $"Reserved character '{c}' is not allowed outside quotes");
                }

                ReadUnquoted(location);
                break;
        }
    }

    private void ReadUnquoted(SourceLocation location)
    {
        var start = _position;
        while (HasMore)
        {
            var c = Current;
            if (c == '\n' || IsWhitespace(c) || ForbiddenCharacters.Contains(c, StringComparison.Ordinal) || (c == '/' && PeekAt(1) == '/'))
            {
                break;
            }

            Advance();
        }

        Add(TokenKind.Unquoted, _text[start.._position], location);
    }

    private void ReadQuoted(SourceLocation location)
    {
        Advance();
        var builder = new StringBuilder();
        while (true)
        {
            if (!HasMore || Current == '\n')
            {
                throw HoconParseException.At(location, "Unterminated quoted string: expected a closing '\"' before the end of the line");
            }

            var c = Current;
            if (c == '"')
            {
                Advance();
                break;
            }

            if (c == '\\')
            {
                ReadEscape(builder, location);
                continue;
            }

            builder.Append(c);
            Advance();
        }

        Add(TokenKind.QuotedString, builder.ToString(), location);
    }

    private void ReadEscape(StringBuilder builder, SourceLocation stringStart)
    {
        var escapeLocation = Here;
        Advance();
        if (!HasMore || Current == '\n')
        {
            throw HoconParseException.At(stringStart, "Unterminated quoted string: expected a closing '\"' before the end of the line");
        }

        var c = Current;
        Advance();
        switch (c)
        {
            case '"':
            case '\\':
            case '/':
                builder.Append(c);
                break;
            case 'b':
                builder.Append('\b');
                break;
            case 'f':
                builder.Append('\f');
                break;
            case 'n':
                builder.Append('\n');
                break;
            case 'r':
                builder.Append('\r');
                break;
            case 't':
                builder.Append('\t');
                break;
            case 'u':
                var digits = _position + 4 <= _text.Length ? _text.Substring(_position, 4) : string.Empty;
                if (digits.Length != 4 || !ushort.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    throw HoconParseException.At(escapeLocation, "Invalid escape sequence '\\u': expected four hexadecimal digits");
                }

                for (var i = 0; i < 4; i++)
                {
                    Advance();
                }

                builder.Append((char)code);
                break;
            default:
                throw HoconParseException.At(escapeLocation, $"Invalid escape sequence '\\{c}' in quoted string");
        }
    }

    private void ReadTripleQuoted(SourceLocation location)
    {
        Advance();
        Advance();
        Advance();
        var start = _position;
        while (true)
        {
            if (!HasMore)
            {
                throw HoconParseException.At(location, "Unterminated triple-quoted string: expected a closing '\"\"\"'");
            }

            if (Current == '"' && PeekAt(1) == '"' && PeekAt(2) == '"')
            {
                // Quotes beyond the closing three belong to the string.
                var end = _position;
                while (PeekAt(3) == '"')
                {
                    Advance();
                    end++;
                }

                var content = _text[start..end];
                Advance();
                Advance();
                Advance();
                Add(TokenKind.QuotedString, content, location);
                return;
            }

            Advance();
        }
    }

    private void ReadSubstitution(SourceLocation location)
    {
        Advance();
        Advance();
        var optional = false;
        if (HasMore && Current == '?')
        {
            optional = true;
            Advance();
        }

        var start = _position;
        var inQuotes = false;
        while (true)
        {
            if (!HasMore || Current == '\n')
            {
                throw HoconParseException.At(location, "Unterminated substitution: expected '}'");
            }

            var c = Current;
            if (inQuotes && c == '\\')
            {
                Advance();
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '}' && !inQuotes)
            {
                break;
            }

            Advance();
        }

        var expression = _text[start.._position].Trim();
        Advance();
        if (expression.Length == 0)
        {
            throw HoconParseException.At(location, "Empty substitution: expected a path inside '${}'");
        }

        if (!HoconPath.TryParse(expression, out var path, out var error))
        {
            throw HoconParseException.At(location, $"Invalid substitution path '{expression}': {error}");
        }

        _tokens.Add(new Token(TokenKind.Substitution, expression, location) { IsOptional = optional, Path = path });
    }

    private void AddSingle(TokenKind kind, SourceLocation location)
    {
        var text = Current.ToString();
        Advance();
        Add(kind, text, location);
    }

    private void Add(TokenKind kind, string text, SourceLocation location) =>
        _tokens.Add(new Token(kind, text, location));

    private void Advance()
    {
        if (_text[_position] == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        _position++;
    }
}
