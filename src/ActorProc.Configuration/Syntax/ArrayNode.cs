namespace ActorProc.Configuration;

/// <summary>An array literal.</summary>
internal sealed class ArrayNode : HoconNode
{
    public ArrayNode(SourceLocation location, List<HoconNode> elements)
        : base(location)
    {
        Elements = elements;
    }

    public List<HoconNode> Elements { get; }

    public override bool IsNonObjectLiteral => true;

    public override bool ContainsSelfReference => Elements.Any(e => e.ContainsSelfReference);
}
