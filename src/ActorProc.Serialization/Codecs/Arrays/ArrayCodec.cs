using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs.Arrays;

/// <summary>Codec for single-dimensional arrays of any element type (jagged arrays nest naturally).</summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class ArrayCodec<T> : Codec<T[]>
{
    private Codec<T> _element = null!;

    public override void Initialize(CodecRegistry registry) => _element = registry.Get<T>();

    public override void Write(ObjectWriter writer, T[] value)
    {
        writer.WriteLength(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            try
            {
                writer.WriteValue(value[i], _element);
            }
            catch (PathException e)
            {
                e.AddIndex(i);
                throw;
            }
        }
    }

    public override T[] Read(ObjectReader reader)
    {
        int length = reader.ReadLength();
        var array = new T[length];
        reader.Track(array);
        for (int i = 0; i < array.Length; i++)
        {
            array[i] = reader.ReadValue(_element);
        }

        return array;
    }
}
