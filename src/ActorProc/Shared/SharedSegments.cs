using System.Collections.Concurrent;
using System.Reflection;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Shared;

/// <summary>
/// The shared memory segments of this process: the ones it created (whose owners live here), and one attachment per
/// segment it uses, shared by all handles of that value here.
/// </summary>
/// <remarks>
/// <para>Lifetime of a segment's file under <c>/dev/shm</c>. It exists while its owner does: the owner removes it once no
/// process uses the value any more (the creating process stops using it when its last handle is collected; another
/// process when its last handle is collected, or when it dies). When the creating process ends, the file goes too: at a
/// normal exit of a root process it removes the files it created; otherwise a process still using the value removes
/// it when it sees the owner gone, the root process removes every file of its tree at its normal exit, and any process
/// creating a segment removes the files of creators that are no longer running (SIGKILLed trees included).</para>
/// <para>Processes that mapped a segment keep their mapping after its file is removed. A process that gets a handle
/// after the file is gone works by message with the owner, or, when the owner is gone too, gets
/// <see cref="OwnerProcessGoneException"/>: so keep a value referenced in its creating process while you hand it out.</para>
/// </remarks>
internal static class SharedSegments
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private static readonly ConcurrentDictionary<SegmentId, Entry> Attachments = new();
    private static readonly ConcurrentDictionary<SegmentId, SharedSegment> Owned = new();
    private static readonly object ExitGate = new();
    private static bool _exitHooked;
    private static long _nextSweep;

    /// <summary>
    /// When set, this process does not map segments it did not create and reads and writes them by message, as a
    /// process on another host must (tests and diagnostics).
    /// </summary>
    internal static bool MappingDisabled { get; set; }

    /// <summary>Whether this process created a segment (only then has it files to remove at its exit).</summary>
    public static bool CreatedAny => Volatile.Read(ref _exitHooked);

    /// <summary>
    /// Creates a zeroed segment for <paramref name="length"/> elements of <paramref name="elementSize"/> bytes, its owner
    /// actor, and this process's attachment.
    /// </summary>
    /// <exception cref="IOException">The segment could not be created (e.g. <c>/dev/shm</c> is full).</exception>
    public static (SegmentAttachment Attachment, string? Name) Create(int elementSize, int length)
    {
        var runtime = ProcessRuntime.Get();
        HookExit();
        SweepDeadCreators();

        var id = SegmentId.New();
        string? name = SegmentNames.Available ? SegmentNames.NewName(TreePrefix(runtime)) : null;
        var segment = SharedSegment.Create(name, id, elementSize, length);
        long attachmentId = NewAttachmentId();
        Owned[id] = segment;
        IActorRef owner;
        try
        {
            owner = runtime.CreateOwner(Props.Create(() => new SharedOwner(segment, elementSize, length, attachmentId)));
        }
        catch
        {
            Retire(segment);
            throw;
        }

        var attachment = new SegmentAttachment(owner, id, attachmentId, segment);
        Attachments.GetOrAdd(id, static _ => new Entry()).Current = new WeakReference<SegmentAttachment>(attachment);
        return (attachment, name);
    }

    /// <summary>
    /// This process's attachment to the segment <paramref name="id"/> of <paramref name="owner"/>: the existing one, or a
    /// new one, mapping the file <paramref name="name"/> when it is here with that id and shape (else by message), and
    /// registered with the owner.
    /// </summary>
    /// <exception cref="OwnerProcessGoneException">The owner is gone (its process ended, or nobody used the value any more).</exception>
    public static SegmentAttachment Attach(IActorRef owner, string? name, SegmentId id, int elementSize, int length, string what)
    {
        var entry = Attachments.GetOrAdd(id, static _ => new Entry());
        lock (entry)
        {
            if (entry.Current is { } current && current.TryGetTarget(out var existing))
            {
                return existing;
            }

            var runtime = ProcessRuntime.Get();
            bool owned = Owned.TryGetValue(id, out var segment);
            if (!owned && name is not null && !MappingDisabled)
            {
                segment = SharedSegment.TryOpen(name, id, elementSize, length);
            }

            long attachmentId = NewAttachmentId();
            try
            {
                OwnerCall.Ask<bool>(owner, new SharedAttach(attachmentId), what);
            }
            catch (Exception e)
            {
                if (!owned && segment is not null)
                {
                    segment.Release();
                    GC.SuppressFinalize(segment);
                }

                // The owner is gone, so is the value: its file goes too (its creator may not have been able to remove it).
                if (e is OwnerProcessGoneException && name is not null)
                {
                    SharedSegment.Unlink(name);
                }

                throw;
            }

            var attachment = new SegmentAttachment(owner, id, attachmentId, segment);
            if (!owned && segment is not null && name is not null)
            {
                attachment.UnlinkWhenOwnerGone(runtime.Owners.GoneToken(owner), name);
            }

            entry.Current = new WeakReference<SegmentAttachment>(attachment);
            return attachment;
        }
    }

    /// <summary>From the finalizer of <paramref name="attachment"/>: forget it and tell its owner.</summary>
    public static void Detached(SegmentAttachment attachment)
    {
        try
        {
            if (Attachments.TryGetValue(attachment.SegmentId, out var entry))
            {
                lock (entry)
                {
                    if (entry.Current is not { } current || !current.TryGetTarget(out _))
                    {
                        Attachments.TryRemove(new KeyValuePair<SegmentId, Entry>(attachment.SegmentId, entry));
                    }
                }
            }

            attachment.ForgetOwner();
            OwnerCall.Tell(attachment.Owner, new SharedDetach(attachment.Id));
        }
        catch (Exception)
        {
            // A finalizer must not throw; at worst the owner keeps the segment until its process ends.
        }
    }

    /// <summary>The owner of <paramref name="segment"/> stops: its file goes (mappings stay until collected).</summary>
    public static void Retire(SharedSegment segment)
    {
        Owned.TryRemove(segment.Id, out _);
        if (segment.Name is { } name)
        {
            SharedSegment.Unlink(name);
        }
    }

    /// <summary>The prefix of the segment files of this process tree.</summary>
    public static string TreePrefix(ProcessRuntime runtime) => SegmentNames.TreePrefix(runtime.AuthKey);

    /// <summary>The segment files of this process tree that exist now.</summary>
    public static IReadOnlyList<string> TreeFiles(ProcessRuntime runtime)
    {
        if (!SegmentNames.Available)
        {
            return [];
        }

        string prefix = TreePrefix(runtime);
        return [.. Directory.EnumerateFiles(SegmentNames.Directory, prefix + "*").Select(Path.GetFileName).OfType<string>()];
    }

    /// <summary>Removes the segment files whose creating process no longer runs (at most once a minute per process).</summary>
    public static void SweepDeadCreators(bool now = false)
    {
        long tick = Environment.TickCount64;
        long next = Volatile.Read(ref _nextSweep);
        if (!SegmentNames.Available || (!now && tick < next) || Interlocked.CompareExchange(ref _nextSweep, tick + (long)SweepInterval.TotalMilliseconds, next) != next)
        {
            return;
        }

        try
        {
            foreach (var path in Directory.EnumerateFiles(SegmentNames.Directory, SegmentNames.Prefix + "*"))
            {
                string name = Path.GetFileName(path);
                if (!SegmentNames.CreatorAlive(name))
                {
                    SharedSegment.Unlink(name);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // /dev/shm not listable: nothing to sweep.
        }
    }

    // Random, so that the ids of all processes attached to one owner never collide (pids are reused).
    private static long NewAttachmentId() => Random.Shared.NextInt64(1, long.MaxValue);

    private static void HookExit()
    {
        lock (ExitGate)
        {
            if (!_exitHooked)
            {
                _exitHooked = true;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => ReleaseAtExit();
            }
        }
    }

    /// <summary>
    /// At a normal exit (the root's ProcessExit; a child's exit sequence, which ends with <c>_exit</c>): removes the files of
    /// the segments this process created (processes that mapped them keep their mappings); the root also removes what its
    /// tree left behind.
    /// </summary>
    public static void ReleaseAtExit()
    {
        foreach (var segment in Owned.Values)
        {
            if (segment.Name is { } name)
            {
                SharedSegment.Unlink(name);
            }
        }

        // The root of the tree (its children have been joined or terminated by now) removes what its tree left behind.
        if (IsRoot() && ProcessRuntime.Existing is { } runtime && SegmentNames.Available)
        {
            foreach (var name in TreeFiles(runtime))
            {
                SharedSegment.Unlink(name);
            }
        }
    }

    private static bool IsRoot() =>
        Process.Parent is null && Assembly.GetEntryAssembly()?.GetName().Name != "ActorProc.ChildHost";

    private sealed class Entry
    {
        public WeakReference<SegmentAttachment>? Current { get; set; }
    }
}
