using ActorProc.Multiprocessing.Synchronization;

namespace ActorProc.Multiprocessing;

/// <summary>
/// An event flag shared by processes, as Python's <c>multiprocessing.Event</c>: <see cref="Set"/> wakes every
/// waiter, <see cref="Clear"/> resets the flag. A handle that can be captured by a <see cref="Process"/> target
/// or sent in a message to any process.
/// </summary>
/// <remarks>When the owner's process is gone, calls throw <see cref="OwnerProcessGoneException"/> at once.</remarks>
public class Event
{
    private readonly SyncChannel _channel;

    /// <summary>Creates a clear event owned by this process.</summary>
    public Event() => _channel = SyncChannel.Create(new EventCore(), "Event");

    /// <summary>Whether the flag is set.</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the event is gone.</exception>
    public bool IsSet => _channel.CallChecked(SyncOp.IsSet) == SyncResult.True;

    /// <summary>Sets the flag and wakes every waiter; later waits return at once until <see cref="Clear"/>.</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the event is gone.</exception>
    public void Set() => _channel.CallChecked(SyncOp.Set);

    /// <summary>Clears the flag.</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the event is gone.</exception>
    public void Clear() => _channel.CallChecked(SyncOp.Clear);

    /// <summary>Waits until the flag is set, at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait; null waits without limit, <see cref="TimeSpan.Zero"/> does not block.</param>
    /// <returns>True when the flag is set; false when the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the event is gone.</exception>
    public bool Wait(TimeSpan? timeout = null) => _channel.CallChecked(SyncOp.Wait, timeout) == SyncResult.True;

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
    public async Task<bool> WaitAsync(TimeSpan? timeout, CancellationToken cancellationToken = default) =>
        await _channel.CallCheckedAsync(SyncOp.Wait, timeout, cancellationToken).ConfigureAwait(false) == SyncResult.True;
}
