using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs.Arrays;

/// <summary>Codec for multi-dimensional arrays: lengths and lower bounds, then elements in row-major order.</summary>
/// <typeparam name="TArray">The array type, e.g. <c>int[,]</c>.</typeparam>
/// <typeparam name="TElement">The element type.</typeparam>
internal sealed class MultiDimArrayCodec<TArray, TElement> : Codec<TArray>
    where TArray : class
{
    private static readonly int Rank = typeof(TArray).GetArrayRank();
    private Codec<TElement> _element = null!;

    public override void Initialize(CodecRegistry registry) => _element = registry.Get<TElement>();

    private static Span<TElement> Flat(Array array) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, TElement>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);

    public override void Write(ObjectWriter writer, TArray value)
    {
        var array = (Array)(object)value;
        for (int d = 0; d < Rank; d++)
        {
            writer.WriteLength(array.GetLength(d));
            writer.WriteInt32(array.GetLowerBound(d));
        }

        var flat = Flat(array);
        for (int i = 0; i < flat.Length; i++)
        {
            try
            {
                writer.WriteValue(flat[i], _element);
            }
            catch (PathException e)
            {
                e.AddIndex(i);
                throw;
            }
        }
    }

    public override TArray Read(ObjectReader reader)
    {
        var lengths = new int[Rank];
        var lowerBounds = new int[Rank];
        ulong total = 1;
        for (int d = 0; d < Rank; d++)
        {
            uint length = reader.ReadVarUInt32();
            reader.CheckLength(length, 0);
            lengths[d] = (int)length;
            lowerBounds[d] = reader.ReadInt32();
            total *= (ulong)lengths[d];
            reader.CheckLength(total, 1);
        }

        Array array;
        try
        {
            array = Array.CreateInstance(typeof(TElement), lengths, lowerBounds);
        }
        catch (ArgumentException e)
        {
            throw new SerializationException("Invalid array bounds in the data.", e);
        }

        reader.Track(array);
        for (int i = 0; i < array.Length; i++)
        {
            TElement element = reader.ReadValue(_element);
            Flat(array)[i] = element;
        }

        return (TArray)(object)array;
    }
}
