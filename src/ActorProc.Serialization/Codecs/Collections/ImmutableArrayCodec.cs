using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs.Collections;

/// <summary>Codec for <see cref="ImmutableArray{T}"/>: a presence byte (default arrays stay default), then the array.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ImmutableArrayCodec<T> : Codec<ImmutableArray<T>>
{
    private Codec<T[]> _array = null!;

    public override void Initialize(CodecRegistry registry) => _array = registry.Get<T[]>();

    public override void Write(ObjectWriter writer, ImmutableArray<T> value)
    {
        writer.WriteBoolean(!value.IsDefault);
        if (!value.IsDefault)
        {
            _array.Write(writer, ImmutableCollectionsMarshal.AsArray(value)!);
        }
    }

    public override ImmutableArray<T> Read(ObjectReader reader)
    {
        reader.SkipTracking();
        return reader.ReadBoolean() ? ImmutableCollectionsMarshal.AsImmutableArray(_array.Read(reader)) : default;
    }
}
