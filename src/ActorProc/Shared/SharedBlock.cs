using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;

namespace ActorProc.Multiprocessing.Shared;

/// <summary>
/// What a shared value or array handle carries to other processes: the owner actor, the segment's file name and
/// 128-bit id, and its shape. In each process its first use attaches it (<see cref="SharedSegments.Attach"/>): mapped
/// when the file is there with the same id, else by message with the owner.
/// </summary>
internal sealed class SharedBlock
{
    // Fallback transfers are cut into pieces well below any frame size limit.
    private const int MaxMessageBytes = 64 * 1024;

    private readonly IActorRef _owner;
    private readonly string? _name;
    private readonly SegmentId _id;
    private readonly int _elementSize;
    private readonly int _length;
    private readonly string _what;

    [NonSerialized]
    private SegmentAttachment? _attachment;

    private SharedBlock(SegmentAttachment attachment, string? name, int elementSize, int length, string what)
    {
        _owner = attachment.Owner;
        _name = name;
        _id = attachment.SegmentId;
        _elementSize = elementSize;
        _length = length;
        _what = what;
        _attachment = attachment;
    }

    /// <summary>The segment's file name under <c>/dev/shm</c>; null when the creating host has none.</summary>
    public string? Name => _name;

    /// <summary>What the object is, for messages ("SharedValue", "SharedArray").</summary>
    public string What => _what;

    /// <summary>This process's attachment (attaching on first use).</summary>
    /// <exception cref="OwnerProcessGoneException">The segment's owner is gone.</exception>
    public SegmentAttachment Attachment => Volatile.Read(ref _attachment) ?? Attach();

    /// <summary>A new zeroed segment for <paramref name="length"/> elements of <paramref name="elementSize"/> bytes, owned by this process.</summary>
    /// <exception cref="IOException">The segment could not be created (e.g. <c>/dev/shm</c> is full).</exception>
    public static SharedBlock Create(int elementSize, int length, string what)
    {
        var (attachment, name) = SharedSegments.Create(elementSize, length);
        return new SharedBlock(attachment, name, elementSize, length, what);
    }

    /// <summary>Reads <paramref name="count"/> elements from <paramref name="index"/> by message with the owner, into <paramref name="destination"/>.</summary>
    /// <exception cref="OwnerProcessGoneException">The segment's owner is gone.</exception>
    public void ReadByMessage(int index, int count, Span<byte> destination)
    {
        int perMessage = Math.Max(1, MaxMessageBytes / _elementSize);
        for (int done = 0; done < count;)
        {
            int n = Math.Min(perMessage, count - done);
            var bytes = OwnerCall.Ask<byte[]>(_owner, new SharedRead(index + done, n), _what);
            bytes.CopyTo(destination[(done * _elementSize)..]);
            done += n;
        }
    }

    /// <summary>Writes whole elements from <paramref name="index"/> on by message with the owner; returns once they are written.</summary>
    /// <exception cref="OwnerProcessGoneException">The segment's owner is gone.</exception>
    public void WriteByMessage(int index, ReadOnlySpan<byte> source)
    {
        int perMessage = Math.Max(1, MaxMessageBytes / _elementSize) * _elementSize;
        for (int offset = 0; offset < source.Length; offset += perMessage)
        {
            var piece = source.Slice(offset, Math.Min(perMessage, source.Length - offset)).ToArray();
            OwnerCall.Ask<bool>(_owner, new SharedWrite(index + (offset / _elementSize), piece), _what);
        }
    }

    private SegmentAttachment Attach()
    {
        var attachment = SharedSegments.Attach(_owner, _name, _id, _elementSize, _length, _what);
        Volatile.Write(ref _attachment, attachment);
        return attachment;
    }
}
