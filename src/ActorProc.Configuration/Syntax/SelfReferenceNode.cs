namespace ActorProc.Configuration;

/// <summary>
/// A substitution that refers to the field being defined (<c>a = ${a} [2]</c>, <c>a += 2</c>):
/// it resolves to the value the field had before this definition.
/// </summary>
internal sealed class SelfReferenceNode : HoconNode
{
    public SelfReferenceNode(SubstitutionNode reference, HoconNode? previous, bool allowEnvironment)
        : base(reference.Location)
    {
        Reference = reference;
        Previous = previous;
        AllowEnvironment = allowEnvironment;
    }

    public SubstitutionNode Reference { get; }

    /// <summary>The earlier value, or null when the field was not defined before.</summary>
    public HoconNode? Previous { get; }

    /// <summary>False for <c>+=</c>, which must not pick up an environment variable named like the key.</summary>
    public bool AllowEnvironment { get; }

    public override bool ContainsSelfReference => true;

    public override bool IsDeferred => true;
}
