using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ActorProc.Multiprocessing.Shared;

/// <summary>
/// One shared memory block mapped into this process: a file under <c>/dev/shm</c> (mode 0600) that every process
/// using it maps, or, where there is no <c>/dev/shm</c>, private memory of the creating process (the others then
/// use messages). A 64-byte header (magic, the 128-bit id, element size, element count) precedes the data, which is
/// 64-byte aligned, so every element of 1, 2, 4 or 8 bytes is naturally aligned.
/// </summary>
/// <remarks>The mapping is released when this object is collected; whoever reads through <see cref="Data"/> keeps it reachable meanwhile.</remarks>
internal sealed unsafe class SharedSegment
{
    /// <summary>Bytes before the data.</summary>
    public const int HeaderSize = 64;

    private const ulong Magic = 0x3130_4D48_5350_4341;   // "ACPSHM01" little-endian

    private readonly nint _base;
    private readonly nuint _mapped;
    private readonly bool _private;
    private int _released;

    private SharedSegment(nint @base, nuint mapped, bool isPrivate, string? name, SegmentId id)
    {
        _base = @base;
        _mapped = mapped;
        _private = isPrivate;
        Name = name;
        Id = id;
    }

    ~SharedSegment() => Release();

    /// <summary>The file name under <c>/dev/shm</c>; null for private memory.</summary>
    public string? Name { get; }

    /// <summary>The random id stored in the header and in every handle.</summary>
    public SegmentId Id { get; }

    /// <summary>The first data byte.</summary>
    public nint Data => _base + HeaderSize;

    /// <summary>
    /// Creates a zeroed block for <paramref name="length"/> elements of <paramref name="elementSize"/> bytes: the file
    /// <paramref name="name"/> under <c>/dev/shm</c>, created exclusively with mode 0600 and its storage reserved, or
    /// private memory when <paramref name="name"/> is null.
    /// </summary>
    /// <exception cref="IOException">The file could not be created, sized or mapped (e.g. <c>/dev/shm</c> is full).</exception>
    public static SharedSegment Create(string? name, SegmentId id, int elementSize, int length)
    {
        long size = HeaderSize + ((long)elementSize * length);
        SharedSegment segment;
        if (name is null)
        {
            nint memory = (nint)NativeMemory.AlignedAlloc((nuint)size, 64);
            NativeMemory.Clear((void*)memory, (nuint)size);
            segment = new SharedSegment(memory, (nuint)size, isPrivate: true, null, id);
        }
        else
        {
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("Shared memory files need /dev/shm.");
            }

            string path = SegmentNames.PathOf(name);
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                Share = FileShare.ReadWrite | FileShare.Delete,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            };
            using var file = new FileStream(path, options);
            try
            {
                int error = SharedMemoryNative.Reserve(file.SafeFileHandle, size);
                if (error != 0)
                {
                    throw new IOException($"Cannot reserve {size} bytes of shared memory in {SegmentNames.Directory} (errno {error}{(error == 28 ? ": no space left on device" : "")}).");
                }

                segment = new SharedSegment(SharedMemoryNative.Map(file.SafeFileHandle, (nuint)size), (nuint)size, isPrivate: false, name, id);
            }
            catch
            {
                File.Delete(path);
                throw;
            }
        }

        var header = new Span<byte>((void*)segment._base, HeaderSize);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], id.High);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], id.Low);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], elementSize);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], length);
        BinaryPrimitives.WriteUInt64LittleEndian(header, Magic);
        return segment;
    }

    /// <summary>
    /// Maps the existing segment <paramref name="name"/>; null when it cannot be used here: the file is absent (another
    /// host, or the segment is gone), not accessible, too small, or its header does not carry <paramref name="id"/> and
    /// the same shape.
    /// </summary>
    public static SharedSegment? TryOpen(string name, SegmentId id, int elementSize, int length)
    {
        if (!SegmentNames.Available)
        {
            return null;
        }

        long size = HeaderSize + ((long)elementSize * length);
        nint address;
        try
        {
            using var file = new FileStream(SegmentNames.PathOf(name), FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            if (file.Length < size)
            {
                return null;
            }

            address = SharedMemoryNative.Map(file.SafeFileHandle, (nuint)size);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var segment = new SharedSegment(address, (nuint)size, isPrivate: false, name, id);
        var header = new ReadOnlySpan<byte>((void*)address, HeaderSize);
        if (BinaryPrimitives.ReadUInt64LittleEndian(header) != Magic
            || BinaryPrimitives.ReadInt64LittleEndian(header[8..]) != id.High
            || BinaryPrimitives.ReadInt64LittleEndian(header[16..]) != id.Low
            || BinaryPrimitives.ReadInt32LittleEndian(header[24..]) != elementSize
            || BinaryPrimitives.ReadInt32LittleEndian(header[28..]) != length)
        {
            segment.Release();
            GC.SuppressFinalize(segment);
            return null;
        }

        return segment;
    }

    /// <summary>Removes the file <paramref name="name"/> (processes that mapped it keep their mapping); nothing when it is gone already.</summary>
    public static void Unlink(string name)
    {
        try
        {
            File.Delete(SegmentNames.PathOf(name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not ours (another user's file) or already gone.
        }
    }

    /// <summary>Unmaps now; only for a segment nobody else in this process holds.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        if (_private)
        {
            NativeMemory.AlignedFree((void*)_base);
        }
        else
        {
            SharedMemoryNative.Unmap(_base, _mapped);
        }
    }
}
