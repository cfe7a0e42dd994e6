using System.Runtime.InteropServices;
using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs.Collections;

/// <summary>Codec for <see cref="List{T}"/>: a length and the elements.</summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ListCodec<T> : Codec<List<T>>
{
    private Codec<T> _element = null!;

    public override void Initialize(CodecRegistry registry) => _element = registry.Get<T>();

    public override void Write(ObjectWriter writer, List<T> value)
    {
        var items = CollectionsMarshal.AsSpan(value);
        writer.WriteLength(items.Length);
        for (int i = 0; i < items.Length; i++)
        {
            try
            {
                writer.WriteValue(items[i], _element);
            }
            catch (PathException e)
            {
                e.AddIndex(i);
                throw;
            }
        }
    }

    public override List<T> Read(ObjectReader reader)
    {
        int length = reader.ReadLength();
        var list = new List<T>(length);
        reader.Track(list);
        for (int i = 0; i < length; i++)
        {
            list.Add(reader.ReadValue(_element));
        }

        return list;
    }
}
