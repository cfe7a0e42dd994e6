namespace ActorProc.Serialization;

/// <summary>Options of a <see cref="Serializer"/>. Both sides of a connection must use equivalent options.</summary>
public sealed class SerializerOptions
{
    /// <summary>Types that may be instantiated when reading; <see cref="TypeAllowList.CreateDefault"/> by default.</summary>
    public TypeAllowList AllowList { get; init; } = TypeAllowList.CreateDefault();

    /// <summary>
    /// Surrogates, tried in order; the first whose source type is assignable from a value's type
    /// replaces it. Add them before creating the serializer (it takes a snapshot).
    /// </summary>
    public IList<Surrogate> Surrogates { get; } = new List<Surrogate>();

    /// <summary>Whether shared references and cycles are preserved (object ids on the wire). Default true.</summary>
    public bool PreserveObjectReferences { get; init; } = true;

    /// <summary>Maximum nesting of objects, when writing and reading. Default 256.</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Maximum number of elements of one collection or array when reading. Default 16M.</summary>
    public int MaxCollectionLength { get; init; } = 16 * 1024 * 1024;
}
