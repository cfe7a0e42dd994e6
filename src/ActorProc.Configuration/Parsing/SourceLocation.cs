namespace ActorProc.Configuration;

/// <summary>A position in a HOCON source: origin plus 1-based line and column.</summary>
internal readonly record struct SourceLocation(string Origin, int Line, int Column)
{
    public override string ToString() => $"{Origin}({Line},{Column})";
}
