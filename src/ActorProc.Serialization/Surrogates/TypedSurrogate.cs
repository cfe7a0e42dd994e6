using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Surrogates;

/// <summary>A surrogate built from two conversion functions.</summary>
/// <typeparam name="TSource">The replaced type.</typeparam>
/// <typeparam name="TSurrogate">The wire type.</typeparam>
internal sealed class TypedSurrogate<TSource, TSurrogate> : Surrogate
{
    private readonly Func<TSource, TSurrogate> _toSurrogate;
    private readonly Func<TSurrogate, object?, TSource> _fromSurrogate;

    public TypedSurrogate(Func<TSource, TSurrogate> toSurrogate, Func<TSurrogate, object?, TSource> fromSurrogate)
    {
        _toSurrogate = toSurrogate;
        _fromSurrogate = fromSurrogate;
    }

    public override Type SourceType => typeof(TSource);

    public override Type SurrogateType => typeof(TSurrogate);

    internal override void WriteTo(ObjectWriter writer, object value) =>
        writer.WriteValue(_toSurrogate((TSource)value), writer.Registry.Get<TSurrogate>());

    internal override object? ReadFrom(ObjectReader reader)
    {
        TSurrogate surrogate = reader.ReadValue(reader.Registry.Get<TSurrogate>());
        return _fromSurrogate(surrogate, reader.State);
    }
}
