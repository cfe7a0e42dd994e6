using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Types;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs;

/// <summary>Placeholder codec for interfaces and abstract types: values always carry their concrete type.</summary>
/// <typeparam name="T">The abstract type.</typeparam>
internal sealed class AbstractCodec<T> : Codec<T>
{
    public override void Write(ObjectWriter writer, T value) =>
        throw PathException.NotSerializable(TypeNames.Friendly(typeof(T)), "abstract types have no instances of their own");

    public override T Read(ObjectReader reader) =>
        throw ObjectReader.Malformed($"{typeof(T)} cannot be instantiated");
}
