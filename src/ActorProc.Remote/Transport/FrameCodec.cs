using System.Buffers;
using System.Buffers.Binary;

namespace ActorProc.Remote.Transport;

/// <summary>Outcome of <see cref="FrameCodec.TryReadFrame"/>.</summary>
internal enum FrameStatus
{
    /// <summary>A complete frame was sliced off the buffer.</summary>
    Complete,

    /// <summary>More bytes are needed.</summary>
    Incomplete,

    /// <summary>The header holds a zero or negative length.</summary>
    InvalidLength,

    /// <summary>The header holds a length above the maximum.</summary>
    TooLarge,
}

/// <summary>The frame format: a 4-byte little-endian payload length (at least 1) followed by the payload.</summary>
internal static class FrameCodec
{
    internal const int HeaderSize = 4;

    /// <summary>
    /// Slices the next frame off <paramref name="buffer"/> without copying. The header is validated
    /// before the payload is awaited, so an oversized claim is rejected after only 4 bytes.
    /// </summary>
    internal static FrameStatus TryReadFrame(
        ref ReadOnlySequence<byte> buffer, int maxFrameSize, out ReadOnlySequence<byte> frame, out int length)
    {
        frame = default;
        length = 0;
        if (buffer.Length < HeaderSize)
        {
            return FrameStatus.Incomplete;
        }

        length = ReadHeader(buffer);
        if (length <= 0)
        {
            return FrameStatus.InvalidLength;
        }

        if (length > maxFrameSize)
        {
            return FrameStatus.TooLarge;
        }

        if (buffer.Length - HeaderSize < length)
        {
            return FrameStatus.Incomplete;
        }

        frame = buffer.Slice(HeaderSize, length);
        buffer = buffer.Slice(frame.End);
        return FrameStatus.Complete;
    }

    private static int ReadHeader(in ReadOnlySequence<byte> buffer)
    {
        ReadOnlySpan<byte> first = buffer.FirstSpan;
        if (first.Length >= HeaderSize)
        {
            return BinaryPrimitives.ReadInt32LittleEndian(first);
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        return BinaryPrimitives.ReadInt32LittleEndian(header);
    }
}
