using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs.Arrays;

/// <summary>Which element types can be copied as raw little-endian memory.</summary>
internal static class BlittableArrayCodec
{
    /// <summary>Whether arrays of the element type use the memory-copy fast path.</summary>
    public static bool IsBlittable(Type element) =>
        BitConverter.IsLittleEndian && (element == typeof(byte) || element == typeof(sbyte) || element == typeof(short)
            || element == typeof(ushort) || element == typeof(int) || element == typeof(uint) || element == typeof(long)
            || element == typeof(ulong) || element == typeof(float) || element == typeof(double) || element == typeof(char));
}

/// <summary>Codec for arrays of numeric primitives: a length and one block copy (byte[] included).</summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class BlittableArrayCodec<T> : Codec<T[]>
    where T : unmanaged
{
    public override void Write(ObjectWriter writer, T[] value) => writer.WriteBlittable<T>(value);

    public override T[] Read(ObjectReader reader)
    {
        var array = reader.ReadBlittable<T>();
        reader.Track(array);
        return array;
    }
}
