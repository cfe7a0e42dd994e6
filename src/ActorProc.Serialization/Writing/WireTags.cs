namespace ActorProc.Serialization.Writing;

/// <summary>First byte of every reference slot on the wire.</summary>
internal static class WireTags
{
    /// <summary>The slot holds null.</summary>
    public const byte Null = 0;

    /// <summary>The slot repeats an object written earlier: a varint object id follows.</summary>
    public const byte BackReference = 1;

    /// <summary>The slot holds an instance of exactly the declared type.</summary>
    public const byte Declared = 2;

    /// <summary>The slot holds an instance of another type: a type reference follows.</summary>
    public const byte Typed = 3;

    /// <summary>The slot holds a surrogate: a varint surrogate index and the surrogate value follow.</summary>
    public const byte Surrogate = 4;

    /// <summary>Type reference kind: assembly name and full type name.</summary>
    public const byte KindNamed = 0;

    /// <summary>Type reference kind: single-dimensional zero-based array of an element type.</summary>
    public const byte KindArray = 1;

    /// <summary>Type reference kind: multi-dimensional array, element type and rank.</summary>
    public const byte KindMultiArray = 2;

    /// <summary>Type reference kind: constructed generic type, definition and arguments.</summary>
    public const byte KindGeneric = 3;
}
