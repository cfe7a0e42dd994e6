namespace ActorProc.Configuration;

/// <summary>The lexical categories of HOCON text.</summary>
internal enum TokenKind
{
    LeftBrace,
    RightBrace,
    LeftBracket,
    RightBracket,
    Comma,
    Equals,
    Colon,
    PlusEquals,
    Newline,
    Whitespace,
    Unquoted,
    QuotedString,
    Substitution,
    EndOfFile,
}
