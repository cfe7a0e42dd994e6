namespace ActorProc.Configuration;

/// <summary>Adjacent values forming one value: strings are joined, arrays appended, objects merged.</summary>
internal sealed class ConcatenationNode : HoconNode
{
    public ConcatenationNode(SourceLocation location, List<HoconNode> parts)
        : base(location)
    {
        Parts = parts;
    }

    public List<HoconNode> Parts { get; }

    public override bool IsNonObjectLiteral => !IsDeferred && !Parts.Any(p => p is ObjectNode);

    public override bool ContainsSelfReference => Parts.Any(p => p.ContainsSelfReference);

    public override bool IsDeferred => Parts.Any(p => p.IsDeferred);
}
