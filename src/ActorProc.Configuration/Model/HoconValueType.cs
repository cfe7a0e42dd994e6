namespace ActorProc.Configuration;

/// <summary>The kind of a resolved <see cref="HoconValue"/>.</summary>
public enum HoconValueType
{
    /// <summary>An object: an ordered set of named values.</summary>
    Object,

    /// <summary>An array of values.</summary>
    Array,

    /// <summary>A quoted or unquoted string.</summary>
    String,

    /// <summary>A number, kept with its original text.</summary>
    Number,

    /// <summary>The literal <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>The literal <c>null</c>.</summary>
    Null,
}
