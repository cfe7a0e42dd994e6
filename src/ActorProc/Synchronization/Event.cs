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

    private readonly SyncCellHandle<EventCell> _handle;

    /// <summary>Creates a clear event owned by this process.</summary>
    public Event() => _handle = SyncCellHandle<EventCell>.Create(static _ => { }, static cell => new EventCore(cell), What);

    /// <summary>Whether the flag is set.</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the event is gone.</exception>
    public bool IsSet => _handle.Direct() is { } cell ? cell.IsSet : Channel.CallChecked(SyncOp.IsSet) == SyncResult.True;

    private SyncChannel Channel => _handle.Channel;

    /// <summary>Sets the flag and wakes every waiter; later waits return at once until <see cref="Clear"/>.</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the event is gone.</exception>
    public void Set()
    {
        if (_handle.Direct() is { } cell)
        {
            cell.Set();
        }
        else
        {
            Channel.CallChecked(SyncOp.Set);
        }
    }

    /// <summary>Clears the flag.</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the event is gone.</exception>
    public void Clear()
    {
        if (_handle.Direct() is { } cell)
        {
            cell.Clear();
        }
        else
        {
            Channel.CallChecked(SyncOp.Clear);
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
        if (_handle.State is { } state)
        {
            return _handle.Wait(state, timeout, static (cell, _, t, gone) => cell.Wait(t, gone));
        }

        return Channel.CallChecked(SyncOp.Wait, timeout) == SyncResult.True;
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
        if (!cancellationToken.IsCancellationRequested && _handle.Direct() is { IsSet: true })
        {
            return Task.FromResult(true);
        }

        return WaitByOwnerAsync(timeout, cancellationToken);
    }

    private async Task<bool> WaitByOwnerAsync(TimeSpan? timeout, CancellationToken cancellationToken) =>
        await Channel.CallCheckedAsync(SyncOp.Wait, timeout, cancellationToken).ConfigureAwait(false) == SyncResult.True;
}
