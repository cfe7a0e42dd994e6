namespace ActorProc.Configuration;

/// <summary>A parsed but not yet resolved piece of HOCON: the input of substitution resolution.</summary>
internal abstract class HoconNode
{
    protected HoconNode(SourceLocation location)
    {
        Location = location;
    }

    public SourceLocation Location { get; }

    /// <summary>True when the node is a literal that is definitely not an object.</summary>
    public virtual bool IsNonObjectLiteral => false;

    /// <summary>True when the node contains a reference to the previous value of the field it is assigned to.</summary>
    public virtual bool ContainsSelfReference => false;

    /// <summary>True when the value depends on substitutions and so may turn out undefined or an object.</summary>
    public virtual bool IsDeferred => false;
}
