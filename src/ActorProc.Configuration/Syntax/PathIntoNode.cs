namespace ActorProc.Configuration;

/// <summary>A value found by resolving <see cref="Source"/> and then following <see cref="Remaining"/> into it.</summary>
internal sealed class PathIntoNode : HoconNode
{
    public PathIntoNode(HoconNode source, HoconPath remaining)
        : base(source.Location)
    {
        Source = source;
        Remaining = remaining;
    }

    public HoconNode Source { get; }

    public HoconPath Remaining { get; }

    public override bool IsDeferred => true;
}
