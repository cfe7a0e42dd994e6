using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Shared;

/// <summary>
/// This process's use of one shared segment, shared by every handle of the value in this process: the mapping (null
/// when this process works by messages), and the registration with the owner that keeps the segment alive. When the
/// last handle here is collected, so is this object, and its finalizer tells the owner (the mapping is released with it).
/// </summary>
internal sealed class SegmentAttachment
{
    private CancellationTokenRegistration _ownerGone;

    /// <summary>An attachment the owner already counts.</summary>
    public SegmentAttachment(IActorRef owner, SegmentId segmentId, long id, SharedSegment? segment)
    {
        Owner = owner;
        SegmentId = segmentId;
        Id = id;
        Segment = segment;
        Data = segment?.Data ?? 0;
    }

    ~SegmentAttachment() => SharedSegments.Detached(this);

    /// <summary>The owner actor of the segment.</summary>
    public IActorRef Owner { get; }

    /// <summary>The segment's id.</summary>
    public SegmentId SegmentId { get; }

    /// <summary>This attachment's id at the owner.</summary>
    public long Id { get; }

    /// <summary>The mapping; null when this process reads and writes by message.</summary>
    public SharedSegment? Segment { get; }

    /// <summary>The first data byte of the mapping, or 0 (by message).</summary>
    public nint Data { get; }

    /// <summary>Removes the segment's file <paramref name="name"/> when the owner is gone (its process ended, however): the creator cannot always do it itself.</summary>
    public void UnlinkWhenOwnerGone(CancellationToken ownerGone, string name) =>
        _ownerGone = ownerGone.UnsafeRegister(static state => SharedSegment.Unlink((string)state!), name);

    /// <summary>Drops the registration of <see cref="UnlinkWhenOwnerGone"/>.</summary>
    public void ForgetOwner() => _ownerGone.Unregister();
}
