using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs;

/// <summary>Codec for <see cref="Nullable{T}"/>: a presence byte, then the value.</summary>
/// <typeparam name="T">The underlying value type.</typeparam>
internal sealed class NullableCodec<T> : Codec<T?>
    where T : struct
{
    private Codec<T> _inner = null!;

    public override void Initialize(CodecRegistry registry) => _inner = registry.Get<T>();

    public override void Write(ObjectWriter writer, T? value)
    {
        writer.WriteBoolean(value.HasValue);
        if (value.HasValue)
        {
            _inner.Write(writer, value.GetValueOrDefault());
        }
    }

    public override T? Read(ObjectReader reader) => reader.ReadBoolean() ? _inner.Read(reader) : null;
}
