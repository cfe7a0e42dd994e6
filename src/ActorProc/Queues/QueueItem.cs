using System.Buffers;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>
/// One serialized item: a slice of a buffer that holds many (a producer's batch, a delivery, or a chunk of
/// <see cref="ItemArena"/>), so that items cost no array of their own. The bytes of a slice never change.
/// </summary>
internal readonly struct QueueItem(byte[] buffer, int offset, int length)
{
    /// <summary>The buffer the item is in.</summary>
    public byte[] Buffer { get; } = buffer;

    /// <summary>Where the item starts in <see cref="Buffer"/>.</summary>
    public int Offset { get; } = offset;

    /// <summary>The item's length in bytes.</summary>
    public int Length { get; } = length;

    /// <summary>The item's bytes, as the serializer reads them without a copy.</summary>
    public ReadOnlySequence<byte> Bytes => new(Buffer, Offset, Length);

    /// <summary>The items of a batch: <paramref name="ends"/>[i] is where item i ends in <paramref name="data"/> (items are back to back from 0).</summary>
    public static void Slice(byte[] data, int[] ends, ItemRing into)
    {
        int start = 0;
        foreach (int end in ends)
        {
            into.AddLast(new QueueItem(data, start, end - start));
            start = end;
        }
    }
}
