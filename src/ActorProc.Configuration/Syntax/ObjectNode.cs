namespace ActorProc.Configuration;

/// <summary>An object literal; fields keep their definition order and are merged in place as the text is parsed.</summary>
internal sealed class ObjectNode : HoconNode
{
    public ObjectNode(SourceLocation location)
        : base(location)
    {
    }

    public OrderedDictionary<string, HoconNode> Fields { get; } = new(StringComparer.Ordinal);
}
