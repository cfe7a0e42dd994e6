using System.Diagnostics;
using ActorProc.Multiprocessing.Synchronization;

namespace ActorProc.Multiprocessing;

/// <summary>
/// A condition variable shared by processes, as Python's <c>multiprocessing.Condition</c>: waiters release
/// its lock, sleep until notified, and hold the lock again when <see cref="Wait"/> returns.
/// </summary>
/// <remarks>
/// <para>The condition lives with its lock (in the process that created the lock): a wait releases the lock
/// and starts waiting in one step, so a notification is never lost, and a notified waiter queues for the lock
/// like any acquirer.</para>
/// <para>Crash safety: the lock held by a process that dies is released, and the waiters of a process that
/// dies are forgotten. <see cref="Wait"/>, <see cref="Notify"/> and <see cref="NotifyAll"/> need the lock
/// held (for an <see cref="RLock"/>: by this process and thread), else they throw
/// <see cref="SynchronizationLockException"/>.</para>
/// </remarks>
public class Condition
{
    private readonly Lock _lock;
    private readonly long _id;

    /// <summary>Creates a condition using <paramref name="lock"/>.</summary>
    /// <param name="lock">The lock; null for a new <see cref="RLock"/> owned by this process, as Python.</param>
    public Condition(Lock? @lock = null)
    {
        _lock = @lock ?? new RLock();
        _id = Random.Shared.NextInt64(1, long.MaxValue);
    }

    /// <summary>Acquires the condition's lock (see <see cref="Lock.Acquire"/>).</summary>
    /// <param name="timeout">How long to wait; null waits without limit, <see cref="TimeSpan.Zero"/> does not block.</param>
    /// <returns>True when acquired; false when the timeout passed first.</returns>
    /// <exception cref="OwnerProcessGoneException">The process that created the lock is gone.</exception>
    public bool Acquire(TimeSpan? timeout = null) => _lock.Acquire(timeout);

    /// <summary>Acquires the condition's lock without blocking a thread (see <see cref="Lock.AcquireAsync(CancellationToken)"/>).</summary>
    /// <param name="cancellationToken">Stops the wait; the lock is then not acquired.</param>
    /// <returns>True (acquired).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public ValueTask<bool> AcquireAsync(CancellationToken cancellationToken = default) => _lock.AcquireAsync(cancellationToken);

    /// <summary>Acquires the condition's lock without blocking a thread, waiting at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait; null waits without limit.</param>
    /// <param name="cancellationToken">Stops the wait; the lock is then not acquired.</param>
    /// <returns>True when acquired; false when the timeout passed first.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public ValueTask<bool> AcquireAsync(TimeSpan? timeout, CancellationToken cancellationToken = default) => _lock.AcquireAsync(timeout, cancellationToken);

    /// <summary>Releases the condition's lock.</summary>
    /// <exception cref="SynchronizationLockException">The lock is not held (by this caller, for an <see cref="RLock"/>).</exception>
    public void Release() => _lock.Release();

    /// <summary>Acquires the condition's lock and returns what releases it when disposed.</summary>
    /// <returns>Releases the lock on <see cref="IDisposable.Dispose"/> (once).</returns>
    public IDisposable Hold() => _lock.Hold();

    /// <summary>
    /// Releases the lock, waits until notified or until <paramref name="timeout"/> passed, and acquires the
    /// lock again (an <see cref="RLock"/> with its recursion count) before returning.
    /// </summary>
    /// <param name="timeout">How long to wait for a notification; null waits without limit.</param>
    /// <returns>True when notified; false when the timeout passed first.</returns>
    /// <exception cref="SynchronizationLockException">The caller does not hold the lock.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the lock is gone.</exception>
    public bool Wait(TimeSpan? timeout = null) => _lock.Channel.CallChecked(SyncOp.ConditionWait, timeout, key: _id) == SyncResult.True;

    /// <summary>Waits for a notification without blocking a thread (see <see cref="Wait"/>).</summary>
    /// <param name="cancellationToken">Stops waiting for a notification; the lock is held again before the exception is thrown.</param>
    /// <returns>True (notified).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first (the lock is held again).</exception>
    /// <exception cref="SynchronizationLockException">The caller does not hold the lock.</exception>
    public Task<bool> WaitAsync(CancellationToken cancellationToken = default) => WaitAsync(null, cancellationToken);

    /// <summary>Waits for a notification without blocking a thread, at most <paramref name="timeout"/> (see <see cref="Wait"/>).</summary>
    /// <param name="timeout">How long to wait for a notification; null waits without limit.</param>
    /// <param name="cancellationToken">Stops waiting for a notification; the lock is held again before the exception is thrown.</param>
    /// <returns>True when notified; false when the timeout passed first.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first (the lock is held again).</exception>
    /// <exception cref="SynchronizationLockException">The caller does not hold the lock.</exception>
    public async Task<bool> WaitAsync(TimeSpan? timeout, CancellationToken cancellationToken = default) =>
        await _lock.Channel.CallCheckedAsync(SyncOp.ConditionWait, timeout, cancellationToken, key: _id).ConfigureAwait(false) == SyncResult.True;

    /// <summary>Waits (as <see cref="Wait"/>, repeatedly) until <paramref name="predicate"/> is true or <paramref name="timeout"/> passed.</summary>
    /// <param name="predicate">Evaluated with the lock held: first, then after every wake-up.</param>
    /// <param name="timeout">How long to wait in all; null waits without limit.</param>
    /// <returns>The last value of <paramref name="predicate"/>.</returns>
    /// <exception cref="SynchronizationLockException">The caller does not hold the lock.</exception>
    public bool WaitFor(Func<bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        long start = Stopwatch.GetTimestamp();
        bool result = predicate();
        while (!result)
        {
            var left = Remaining(timeout, start);
            if (left == TimeSpan.Zero)
            {
                break;
            }

            Wait(left);
            result = predicate();
        }

        return result;
    }

    /// <summary>Waits without blocking a thread until <paramref name="predicate"/> is true or <paramref name="timeout"/> passed (see <see cref="WaitFor"/>).</summary>
    /// <param name="predicate">Evaluated with the lock held: first, then after every wake-up.</param>
    /// <param name="timeout">How long to wait in all; null waits without limit.</param>
    /// <param name="cancellationToken">Stops waiting; the lock is held again before the exception is thrown.</param>
    /// <returns>The last value of <paramref name="predicate"/>.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first (the lock is held again).</exception>
    /// <exception cref="SynchronizationLockException">The caller does not hold the lock.</exception>
    public async Task<bool> WaitForAsync(Func<bool> predicate, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        long start = Stopwatch.GetTimestamp();
        bool result = predicate();
        while (!result)
        {
            var left = Remaining(timeout, start);
            if (left == TimeSpan.Zero)
            {
                break;
            }

            await WaitAsync(left, cancellationToken).ConfigureAwait(false);
            result = predicate();
        }

        return result;
    }

    /// <summary>Wakes up to <paramref name="n"/> waiters; they proceed once they get the lock.</summary>
    /// <param name="n">How many waiters to wake.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    /// <exception cref="SynchronizationLockException">The caller does not hold the lock.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the lock is gone.</exception>
    public void Notify(int n = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        _lock.Channel.CallChecked(SyncOp.Notify, arg: n, key: _id);
    }

    /// <summary>Wakes every waiter; they proceed one by one as they get the lock.</summary>
    /// <exception cref="SynchronizationLockException">The caller does not hold the lock.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the lock is gone.</exception>
    public void NotifyAll() => _lock.Channel.CallChecked(SyncOp.Notify, arg: int.MaxValue, key: _id);

    private static TimeSpan? Remaining(TimeSpan? timeout, long start)
    {
        if (timeout is not { } t || t == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        var left = t - Stopwatch.GetElapsedTime(start);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
