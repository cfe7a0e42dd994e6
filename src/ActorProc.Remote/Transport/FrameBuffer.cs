using System.Buffers;
using System.Buffers.Binary;

namespace ActorProc.Remote.Transport;

/// <summary>
/// The send buffer of one connection: frames of a batch are serialized into it back to back (the
/// <see cref="FrameWriter{TOut}"/> writes straight into it, the length prefix is back-patched) and the
/// batch then goes to the socket with one send. Only the connection's current writer touches it.
/// </summary>
internal sealed class FrameBuffer : IBufferWriter<byte>
{
    private const int InitialSize = 16 * 1024;

    /// <summary>A buffer grown beyond this (by a large frame) is dropped once its batch is sent.</summary>
    private const int MaxRetainedSize = 1024 * 1024;

    private byte[] _array = ArrayPool<byte>.Shared.Rent(InitialSize);
    private int _written;
    private int _sent;

    /// <summary>Bytes written since the last <see cref="Reset"/>.</summary>
    internal int WrittenCount => _written;

    /// <summary>Written bytes not sent yet.</summary>
    internal ReadOnlySpan<byte> Unsent => _array.AsSpan(_sent, _written - _sent);

    /// <summary>Whether written bytes wait to be sent.</summary>
    internal bool HasUnsent => _sent < _written;

    /// <summary>Records that <paramref name="count"/> more bytes of <see cref="Unsent"/> were sent.</summary>
    internal void OnSent(int count) => _sent += count;

    /// <summary>Starts a frame: reserves the length prefix and returns its offset for <see cref="EndFrame"/>.</summary>
    internal int BeginFrame()
    {
        GetSpan(FrameCodec.HeaderSize);
        int header = _written;
        _written += FrameCodec.HeaderSize;
        return header;
    }

    /// <summary>Back-patches the length prefix at <paramref name="header"/>; returns the payload length.</summary>
    internal long EndFrame(int header)
    {
        int length = _written - header - FrameCodec.HeaderSize;
        BinaryPrimitives.WriteInt32LittleEndian(_array.AsSpan(header), length);
        return length;
    }

    /// <summary>Empties the buffer (after its batch was sent), giving back an oversized array.</summary>
    internal void Reset()
    {
        _written = 0;
        _sent = 0;
        if (_array.Length > MaxRetainedSize)
        {
            ReturnArray();
            _array = ArrayPool<byte>.Shared.Rent(InitialSize);
        }
    }

    /// <summary>Gives the array back to the pool; the buffer must not be used afterwards.</summary>
    internal void Release()
    {
        ReturnArray();
        _array = [];
        _written = 0;
        _sent = 0;
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > _array.Length - _written)
        {
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_array.Length - _written >= needed)
        {
            return;
        }

        long size = Math.Max((long)_written + needed, (long)_array.Length * 2);
        if (size > Array.MaxLength)
        {
            size = (long)_written + needed <= Array.MaxLength
                ? Array.MaxLength
                : throw new InvalidOperationException("A frame batch cannot exceed the maximum array length.");
        }

        byte[] bigger = size > MaxRetainedSize ? GC.AllocateUninitializedArray<byte>((int)size) : ArrayPool<byte>.Shared.Rent((int)size);
        _array.AsSpan(0, _written).CopyTo(bigger);
        ReturnArray();
        _array = bigger;
    }

    private void ReturnArray()
    {
        if (_array.Length is > 0 and <= MaxRetainedSize)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
    }
}
