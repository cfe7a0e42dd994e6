namespace ActorProc.Configuration;

/// <summary>
/// Successive definitions of one field whose combination depends on substitutions;
/// resolved by merging objects and letting later non-objects replace earlier values.
/// </summary>
internal sealed class MergeNode : HoconNode
{
    public MergeNode(SourceLocation location, List<HoconNode> layers)
        : base(location)
    {
        Layers = layers;
    }

    /// <summary>The definitions, earliest first.</summary>
    public List<HoconNode> Layers { get; }

    public override bool ContainsSelfReference => Layers.Any(l => l.ContainsSelfReference);

    public override bool IsDeferred => true;
}
