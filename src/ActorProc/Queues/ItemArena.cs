using System.Buffers;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>
/// Where the puts of a thread serialize items for a queue owned by this process: chunks of 64 KiB filled back
/// to back, each item a <see cref="QueueItem"/> slice of one chunk (an item never straddles two chunks: one that
/// does not fit moves to a fresh chunk). A chunk is never written again where items are, and is freed by the GC
/// once no item refers to it; a put therefore allocates no array of its own.
/// </summary>
internal sealed class ItemArena : IBufferWriter<byte>
{
    private const int ChunkSize = 64 * 1024;

    [ThreadStatic]
    private static ItemArena? _current;

    private byte[] _chunk = new byte[ChunkSize];
    private int _itemStart;
    private int _pos;

    /// <summary>Serializes <paramref name="value"/> into this thread's arena.</summary>
    /// <exception cref="SerializationException">The value cannot cross a process (nothing is written then).</exception>
    public static QueueItem Serialize<T>(Serializer serializer, T value)
    {
        var arena = _current ??= new ItemArena();
        arena._itemStart = arena._pos;
        try
        {
            serializer.Serialize(arena, value);
        }
        catch
        {
            arena._pos = arena._itemStart;
            throw;
        }

        return new QueueItem(arena._chunk, arena._itemStart, arena._pos - arena._itemStart);
    }

    /// <inheritdoc />
    public void Advance(int count) => _pos += count;

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _chunk.AsMemory(_pos);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _chunk.AsSpan(_pos);
    }

    // The serializer asks for at least the whole item (or more space in pieces): keep the item in one chunk.
    private void Ensure(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 256);
        if (_chunk.Length - _pos >= sizeHint)
        {
            return;
        }

        int partial = _pos - _itemStart;
        var next = new byte[Math.Max(ChunkSize, (partial + sizeHint) * 2)];
        _chunk.AsSpan(_itemStart, partial).CopyTo(next);
        _chunk = next;
        _itemStart = 0;
        _pos = partial;
    }
}
