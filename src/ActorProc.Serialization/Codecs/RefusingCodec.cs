using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Types;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs;

/// <summary>Codec for a type that cannot cross a process: refuses at the sender and at the receiver.</summary>
/// <typeparam name="T">The refused type.</typeparam>
internal sealed class RefusingCodec<T> : Codec<T>
{
    private readonly string _reason;

    public RefusingCodec(string reason)
    {
        _reason = reason;
    }

    public override void Write(ObjectWriter writer, T value) =>
        throw PathException.NotSerializable(TypeNames.Friendly(typeof(T)), _reason);

    public override T Read(ObjectReader reader) => throw new UnsafeTypeException(typeof(T), _reason);
}
