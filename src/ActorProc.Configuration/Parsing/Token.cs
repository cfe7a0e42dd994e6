namespace ActorProc.Configuration;

/// <summary>One lexical token with its location.</summary>
internal sealed class Token
{
    public Token(TokenKind kind, string text, SourceLocation location)
    {
        Kind = kind;
        Text = text;
        Location = location;
    }

    public TokenKind Kind { get; }

    /// <summary>The token text; for quoted strings the unescaped content, for substitutions the path expression.</summary>
    public string Text { get; }

    public SourceLocation Location { get; }

    /// <summary>For substitutions: true for the <c>${?path}</c> form.</summary>
    public bool IsOptional { get; init; }

    /// <summary>For substitutions: the parsed path.</summary>
    public HoconPath? Path { get; init; }

    /// <summary>A human readable description used in error messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.LeftBrace => "{",
        TokenKind.RightBrace => "}",
        TokenKind.LeftBracket => "[",
        TokenKind.RightBracket => "]",
        TokenKind.Comma => ",",
        TokenKind.Equals => "=",
        TokenKind.Colon => ":",
        TokenKind.PlusEquals => "+=",
        TokenKind.Newline => "end of line",
        TokenKind.Whitespace => "whitespace",
        TokenKind.QuotedString => $"\"{Text}\"",
        TokenKind.Substitution => IsOptional ? $"${{?{Text}}}" : $"${{{Text}}}",
        TokenKind.EndOfFile => "end of input",
        _ => Text,
    };
}
