namespace ActorProc.Configuration;

/// <summary>A literal string, number, boolean or null, or the whitespace between parts of a concatenation.</summary>
internal sealed class ScalarNode : HoconNode
{
    public ScalarNode(SourceLocation location, HoconValue value, bool isWhitespace = false)
        : base(location)
    {
        Value = value;
        IsWhitespace = isWhitespace;
    }

    public HoconValue Value { get; }

    /// <summary>True for whitespace separating the parts of a value concatenation.</summary>
    public bool IsWhitespace { get; }

    public override bool IsNonObjectLiteral => true;
}
