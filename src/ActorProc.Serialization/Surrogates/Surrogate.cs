using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization;

/// <summary>
/// Replaces values of a type on the wire by a surrogate value, and back on the receiving side.
/// A surrogate applies to every type its source type is assignable from, so a surrogate for an
/// interface (e.g. an actor reference interface) covers all its implementations.
/// </summary>
public abstract class Surrogate
{
    private protected Surrogate()
    {
    }

    /// <summary>The type (or base type/interface) whose values are replaced.</summary>
    public abstract Type SourceType { get; }

    /// <summary>The type written on the wire instead.</summary>
    public abstract Type SurrogateType { get; }

    /// <summary>Creates a surrogate from a pair of conversion functions.</summary>
    /// <typeparam name="TSource">The replaced type; implementations and subclasses match too.</typeparam>
    /// <typeparam name="TSurrogate">The type written instead; it is serialized normally.</typeparam>
    /// <param name="toSurrogate">Converts a value to its surrogate at the sender.</param>
    /// <param name="fromSurrogate">Converts a surrogate back at the receiver; the second argument is the
    /// state passed to <c>Serializer.Deserialize</c> (for instance the receiving actor system).</param>
    /// <returns>The surrogate, to add to <see cref="SerializerOptions.Surrogates"/>.</returns>
    public static Surrogate Create<TSource, TSurrogate>(Func<TSource, TSurrogate> toSurrogate, Func<TSurrogate, object?, TSource> fromSurrogate)
    {
        ArgumentNullException.ThrowIfNull(toSurrogate);
        ArgumentNullException.ThrowIfNull(fromSurrogate);
        return new Surrogates.TypedSurrogate<TSource, TSurrogate>(toSurrogate, fromSurrogate);
    }

    internal abstract void WriteTo(ObjectWriter writer, object value);

    internal abstract object? ReadFrom(ObjectReader reader);
}
