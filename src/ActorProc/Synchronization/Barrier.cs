using ActorProc.Multiprocessing.Synchronization;

namespace ActorProc.Multiprocessing;

/// <summary>
/// A barrier for a fixed number of parties in any processes, as Python's <c>multiprocessing.Barrier</c>: each
/// <see cref="Wait"/> blocks until <see cref="Parties"/> callers wait, then all proceed, each with a distinct
/// arrival index, and the barrier is ready for the next round.
/// </summary>
/// <remarks>
/// The barrier breaks (every waiter, and every later <see cref="Wait"/> until <see cref="Reset"/>, gets
/// <see cref="BrokenBarrierException"/>) on <see cref="Abort"/>, when a wait times out or is cancelled, and,
/// beyond Python, when the process of a waiting party dies. When the owner's process is gone, calls throw
/// <see cref="OwnerProcessGoneException"/> at once.
/// </remarks>
public class Barrier
{
    private readonly SyncChannel _channel;
    private readonly int _parties;
    private readonly TimeSpan? _timeout;

    /// <summary>Creates a barrier owned by this process.</summary>
    /// <param name="parties">How many callers must wait before all proceed.</param>
    /// <param name="timeout">The default timeout of <see cref="Wait"/>; null waits without limit.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parties"/> is below 1, or the timeout is negative.</exception>
    public Barrier(int parties, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parties, 1);
        if (timeout is { } t && t < TimeSpan.Zero && t != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), t, "A timeout must not be negative (null waits without limit).");
        }

        _parties = parties;
        _timeout = timeout;
        _channel = SyncChannel.Create(new BarrierCore(parties), "Barrier");
    }

    /// <summary>How many parties the barrier waits for.</summary>
    public int Parties => _parties;

    /// <summary>How many parties wait now.</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the barrier is gone.</exception>
    public int NWaiting => _channel.CallChecked(SyncOp.Waiting);

    /// <summary>Whether the barrier is broken.</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the barrier is gone.</exception>
    public bool IsBroken => _channel.CallChecked(SyncOp.IsBroken) == SyncResult.True;

    /// <summary>Waits until all parties wait, at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait; null uses the barrier's default timeout.</param>
    /// <returns>The caller's arrival index, from 0 to <see cref="Parties"/> - 1, distinct within a round.</returns>
    /// <exception cref="BrokenBarrierException">The barrier is or became broken, or this wait timed out (which breaks it).</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the barrier is gone.</exception>
    public int Wait(TimeSpan? timeout = null) => _channel.CallChecked(SyncOp.Wait, timeout ?? _timeout);

    /// <summary>Waits without blocking a thread until all parties wait (the barrier's default timeout applies).</summary>
    /// <param name="cancellationToken">Stops the wait, which breaks the barrier for the others.</param>
    /// <returns>The caller's arrival index.</returns>
    /// <exception cref="BrokenBarrierException">The barrier is or became broken, or the wait timed out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the barrier is gone.</exception>
    public Task<int> WaitAsync(CancellationToken cancellationToken = default) => WaitAsync(null, cancellationToken);

    /// <summary>Waits without blocking a thread until all parties wait, at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait; null uses the barrier's default timeout.</param>
    /// <param name="cancellationToken">Stops the wait, which breaks the barrier for the others.</param>
    /// <returns>The caller's arrival index.</returns>
    /// <exception cref="BrokenBarrierException">The barrier is or became broken, or the wait timed out.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the barrier is gone.</exception>
    public async Task<int> WaitAsync(TimeSpan? timeout, CancellationToken cancellationToken = default) =>
        await _channel.CallCheckedAsync(SyncOp.Wait, timeout ?? _timeout, cancellationToken).ConfigureAwait(false);

    /// <summary>Breaks the barrier: current and later waits throw <see cref="BrokenBarrierException"/> until <see cref="Reset"/>.</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the barrier is gone.</exception>
    public void Abort() => _channel.CallChecked(SyncOp.Abort);

    /// <summary>Returns the barrier to its empty, unbroken state; parties waiting now get <see cref="BrokenBarrierException"/>.</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the barrier is gone.</exception>
    public void Reset() => _channel.CallChecked(SyncOp.Reset);
}
