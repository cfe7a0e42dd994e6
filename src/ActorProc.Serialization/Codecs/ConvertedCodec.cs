using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs;

/// <summary>Codec for a type written as another, simpler type (Uri as string, BigInteger as bytes).</summary>
/// <typeparam name="T">The handled type.</typeparam>
/// <typeparam name="TWire">The type written on the wire.</typeparam>
internal sealed class ConvertedCodec<T, TWire> : Codec<T>
{
    private readonly Func<T, TWire> _toWire;
    private readonly Func<TWire, T> _fromWire;
    private Codec<TWire> _wire = null!;

    public ConvertedCodec(Func<T, TWire> toWire, Func<TWire, T> fromWire)
    {
        _toWire = toWire;
        _fromWire = fromWire;
        TracksReferences = false;
    }

    public override void Initialize(CodecRegistry registry) => _wire = registry.Get<TWire>();

    public override void Write(ObjectWriter writer, T value) => writer.WriteValue(_toWire(value), _wire);

    public override T Read(ObjectReader reader)
    {
        TWire wire = reader.ReadValue(_wire) ?? throw ObjectReader.Malformed("null inside " + typeof(T).Name);
        try
        {
            return _fromWire(wire);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or UriFormatException)
        {
            throw new SerializationException($"Invalid {typeof(T).Name} in the data.", e);
        }
    }
}
