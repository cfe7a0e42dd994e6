using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs;

/// <summary>Codec for a primitive-like type, bound once to its dedicated writer/reader methods.</summary>
/// <typeparam name="T">The primitive type.</typeparam>
internal sealed class PrimitiveCodec<T> : Codec<T>
{
    private readonly Action<ObjectWriter, T> _write;
    private readonly Func<ObjectReader, T> _read;

    public PrimitiveCodec()
    {
        PrimitiveMethods.TryGet(typeof(T), out var write, out var read);
        _write = write.CreateDelegate<Action<ObjectWriter, T>>();
        _read = read.CreateDelegate<Func<ObjectReader, T>>();
        TracksReferences = false;
    }

    public override void Write(ObjectWriter writer, T value) => _write(writer, value);

    public override T Read(ObjectReader reader) => _read(reader);
}
