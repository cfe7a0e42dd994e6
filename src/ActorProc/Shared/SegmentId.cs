using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ActorProc.Multiprocessing.Shared;

/// <summary>The random 128-bit id of a shared memory segment, kept in its header and in every handle: a process that finds a file of that name with another id is not on the creator's host.</summary>
/// <param name="High">The first 64 bits.</param>
/// <param name="Low">The last 64 bits.</param>
internal readonly record struct SegmentId(long High, long Low)
{
    /// <summary>A new random id.</summary>
    public static SegmentId New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return new SegmentId(BinaryPrimitives.ReadInt64LittleEndian(bytes), BinaryPrimitives.ReadInt64LittleEndian(bytes[8..]));
    }
}
