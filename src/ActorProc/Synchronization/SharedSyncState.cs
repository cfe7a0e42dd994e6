using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Native;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Multiprocessing.Shared;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// Where a synchronization handle keeps the state it uses directly in this process: the object's memory (shared by
/// every process on the host that maps it), the pid its permits are counted under, and the owner's end. A handle copy
/// resolves it on its first use; copies in one process share it (and the one registration with the owner).
/// </summary>
/// <typeparam name="TCell">The view of the state (<see cref="SemaphoreCell"/>, <see cref="EventCell"/>).</typeparam>
internal sealed class SharedSyncState<TCell>
    where TCell : class, ISyncCell<TCell>
{
    private static readonly ConditionalWeakTable<SegmentAttachment, ConcurrentDictionary<int, SharedSyncState<TCell>>> Attached = new();

    private SharedSyncState(TCell cell, int pid, CancellationToken gone)
    {
        Cell = cell;
        Pid = pid;
        Gone = gone;
    }

    /// <summary>The state.</summary>
    public TCell Cell { get; }

    /// <summary>The pid this process's permits are counted under; 0 in the owner's process (not counted).</summary>
    public int Pid { get; }

    /// <summary>Cancelled when the owner's process is gone; never in the owner's process.</summary>
    public CancellationToken Gone { get; }

    /// <summary>The state in the owner's own process (no registration, nothing counted, never gone).</summary>
    public static SharedSyncState<TCell> ForOwner(TCell cell) => new(cell, 0, CancellationToken.None);

    /// <summary>
    /// This process's state of the object at word <paramref name="offset"/> of <paramref name="block"/>: attached (and registered with the owner
    /// through <paramref name="channel"/>, so that what this process holds is given back when it dies) on first use;
    /// null when this process cannot map it and calls by message.
    /// </summary>
    /// <exception cref="OwnerProcessGoneException">The owner is gone.</exception>
    public static SharedSyncState<TCell>? Attach(SharedBlock? block, int offset, SyncChannel channel)
    {
        if (block is null || !Futex.IsSupported)
        {
            return null;
        }

        var attachment = block.Attachment;
        if (attachment.Data == 0)
        {
            return null;
        }

        var cells = Attached.GetValue(attachment, static _ => new ConcurrentDictionary<int, SharedSyncState<TCell>>());
        if (cells.TryGetValue(offset, out var existing))
        {
            return existing;
        }

        channel.CallChecked(SyncOp.Attach, arg: Environment.ProcessId);
        var gone = ProcessRuntime.Get().Owners.GoneToken(channel.Owner);
        var state = cells.GetOrAdd(offset, _ => new SharedSyncState<TCell>(TCell.At(attachment.Data + (offset * sizeof(int))), Environment.ProcessId, gone));

        // Sleepers here wake up when the owner ends, to throw instead of sleeping on.
        gone.UnsafeRegister(static cell => ((TCell)cell!).WakeAll(), state.Cell);
        return state;
    }

    /// <summary>Throws <see cref="OwnerProcessGoneException"/> when the owner is gone.</summary>
    public void ThrowIfGone(SyncChannel channel)
    {
        if (Gone.IsCancellationRequested)
        {
            throw OwnerCall.Gone(channel.Owner, channel.What);
        }
    }
}
