using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Shared;
using ActorProc.Multiprocessing.Synchronization;

namespace ActorProc.Multiprocessing;

/// <summary>
/// An event flag shared by processes, as Python's <c>multiprocessing.Event</c>: <see cref="Set"/> wakes every
/// waiter, <see cref="Clear"/> resets the flag. A handle that can be captured by a <see cref="Process"/> target
/// or sent in a message to any process.
/// </summary>
/// <remarks>
/// <para>On one host the flag lives in shared memory (as Python's does): <see cref="Set"/>, <see cref="Clear"/>,
/// <see cref="IsSet"/> and <see cref="Wait"/> cost no message; a waiting thread spins for a few microseconds, then
/// sleeps on a futex until a set in any process wakes it. A set wakes every thread waiting at that moment, even if the
/// flag is cleared again before it looks. Asynchronous waits, and every call from a process that cannot map the memory
/// (another host), go to the owner in the creating process.</para>
/// <para>When the owner's process is gone, calls throw <see cref="OwnerProcessGoneException"/> at once.</para>
/// </remarks>
public class Event
{
    private const string What = "Event";

    private readonly SyncChannel _channel;
    private readonly SharedBlock? _block;
    private readonly int _offset;

    // This process's direct access to the shared flag; null until the first use here, and for good when it calls by message.
    [NonSerialized]
    private SharedSyncState<EventCell>? _state;

    [NonSerialized]
    private bool _resolved;

    /// <summary>Creates a clear event owned by this process.</summary>
    public Event()
    {
        var (data, block, offset) = SyncArena.Allocate(EventCell.Words);
        var core = new EventCore(new EventCell(data));
        _block = block;
        _offset = offset;
        _channel = SyncChannel.Create(core, What);
        _state = SharedSyncState<EventCell>.ForOwner(core.Cell);
        _resolved = true;
    }

    /// <summary>Whether the flag is set.</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the event is gone.</exception>
    public bool IsSet => Direct() is { } cell ? cell.IsSet : _channel.CallChecked(SyncOp.IsSet) == SyncResult.True;

    private SharedSyncState<EventCell>? State
    {
        get
        {
            if (!Volatile.Read(ref _resolved))
            {
                _state = _channel.Local is EventCore core
                    ? SharedSyncState<EventCell>.ForOwner(core.Cell)
                    : SharedSyncState<EventCell>.Attach(_block, _offset, _channel, static data => new EventCell(data));
                Volatile.Write(ref _resolved, true);
            }

            return _state;
        }
    }

    /// <summary>Sets the flag and wakes every waiter; later waits return at once until <see cref="Clear"/>.</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the event is gone.</exception>
    public void Set()
    {
        if (Direct() is { } cell)
        {
            cell.Set();
        }
        else
        {
            _channel.CallChecked(SyncOp.Set);
        }
    }

    /// <summary>Clears the flag.</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the event is gone.</exception>
    public void Clear()
    {
        if (Direct() is { } cell)
        {
            cell.Clear();
        }
        else
        {
            _channel.CallChecked(SyncOp.Clear);
        }
    }

    /// <summary>Waits until the flag is set, at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait; null waits without limit, <see cref="TimeSpan.Zero"/> does not block.</param>
    /// <returns>True when the flag is set; false when the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the event is gone.</exception>
    public bool Wait(TimeSpan? timeout = null)
    {
        timeout = SyncChannel.CheckTimeout(timeout);
        if (Direct() is not { } cell)
        {
            return _channel.CallChecked(SyncOp.Wait, timeout) == SyncResult.True;
        }

        var gone = _state!.Gone;
        try
        {
            return cell.Wait(timeout, gone);
        }
        catch (OperationCanceledException) when (gone.IsCancellationRequested)
        {
            throw OwnerCall.Gone(_channel.Owner, What);
        }
    }

    /// <summary>Waits without blocking a thread until the flag is set.</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>True (the flag is set).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the event is gone.</exception>
    public Task<bool> WaitAsync(CancellationToken cancellationToken = default) => WaitAsync(null, cancellationToken);

    /// <summary>Waits without blocking a thread until the flag is set, at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait; null waits without limit, <see cref="TimeSpan.Zero"/> does not wait.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>True when the flag is set; false when the timeout passed first.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the event is gone.</exception>
    public Task<bool> WaitAsync(TimeSpan? timeout, CancellationToken cancellationToken = default)
    {
        timeout = SyncChannel.CheckTimeout(timeout);
        if (!cancellationToken.IsCancellationRequested && Direct() is { IsSet: true })
        {
            return Task.FromResult(true);
        }

        return WaitByOwnerAsync(timeout, cancellationToken);
    }

    // The shared flag when this process uses it directly (after checking that the owner is still there).
    private EventCell? Direct()
    {
        if (State is not { } state)
        {
            return null;
        }

        state.ThrowIfGone(_channel);
        return state.Cell;
    }

    private async Task<bool> WaitByOwnerAsync(TimeSpan? timeout, CancellationToken cancellationToken) =>
        await _channel.CallCheckedAsync(SyncOp.Wait, timeout, cancellationToken).ConfigureAwait(false) == SyncResult.True;
}
