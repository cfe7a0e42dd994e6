using ActorProc.Multiprocessing.Synchronization;

namespace ActorProc.Multiprocessing;

/// <summary>
/// A lock shared by processes, as Python's <c>multiprocessing.Lock</c>: a handle that can be captured by a
/// <see cref="Process"/> target or sent in a message to any process. Not re-entrant: a second
/// <see cref="Acquire"/> by the holder waits. Any process or thread may release it.
/// </summary>
/// <remarks>
/// <para>The lock lives in the process that created it (its owner); there an uncontended acquire and release
/// costs no message. In other processes every call is a request to the owner.</para>
/// <para>Crash safety: a lock held by a process that dies is released, and the next waiter acquires it. When
/// the owner's process is gone, calls throw <see cref="OwnerProcessGoneException"/> at once.</para>
/// </remarks>
public class Lock
{
    private readonly SyncChannel _channel;

    /// <summary>Creates a free lock owned by this process.</summary>
    public Lock()
        : this(reentrant: false)
    {
    }

    private protected Lock(bool reentrant) =>
        _channel = SyncChannel.Create(new LockCore(reentrant), reentrant ? "RLock" : "Lock");

    /// <summary>The link to the lock's owner (for conditions).</summary>
    internal SyncChannel Channel => _channel;

    /// <summary>Acquires the lock, waiting at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait; null waits without limit, <see cref="TimeSpan.Zero"/> does not block.</param>
    /// <returns>True when acquired; false when the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the lock is gone.</exception>
    public bool Acquire(TimeSpan? timeout = null)
    {
        timeout = SyncChannel.CheckTimeout(timeout);
        if (_channel.Local is LockCore core && core.TryAcquireLocal(Environment.CurrentManagedThreadId))
        {
            return true;
        }

        return _channel.CallChecked(SyncOp.Acquire, timeout) == SyncResult.True;
    }

    /// <summary>Acquires the lock without blocking a thread, waiting without limit.</summary>
    /// <param name="cancellationToken">Stops the wait; the lock is then not acquired.</param>
    /// <returns>True (acquired).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the lock was acquired.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the lock is gone.</exception>
    public ValueTask<bool> AcquireAsync(CancellationToken cancellationToken = default) => AcquireAsync(null, cancellationToken);

    /// <summary>Acquires the lock without blocking a thread, waiting at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait; null waits without limit, <see cref="TimeSpan.Zero"/> does not wait.</param>
    /// <param name="cancellationToken">Stops the wait; the lock is then not acquired.</param>
    /// <returns>True when acquired; false when the timeout passed first.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the lock was acquired.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the lock is gone.</exception>
    public async ValueTask<bool> AcquireAsync(TimeSpan? timeout, CancellationToken cancellationToken = default) =>
        await _channel.CallCheckedAsync(SyncOp.Acquire, timeout, cancellationToken).ConfigureAwait(false) == SyncResult.True;

    /// <summary>Releases the lock.</summary>
    /// <exception cref="SynchronizationLockException">The lock is not held (for an <see cref="RLock"/>: not held by this process and thread).</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the lock is gone.</exception>
    public void Release() => Release(Environment.CurrentManagedThreadId);

    /// <summary>Acquires the lock (waiting without limit) and returns what releases it when disposed.</summary>
    /// <returns>Releases the lock on <see cref="IDisposable.Dispose"/> (once).</returns>
    /// <exception cref="OwnerProcessGoneException">The process that created the lock is gone.</exception>
    public IDisposable Hold()
    {
        int threadId = Environment.CurrentManagedThreadId;
        Acquire();
        return new HoldReleaser(() => Release(threadId));
    }

    /// <summary>Releases as the caller on thread <paramref name="threadId"/> of this process.</summary>
    internal void Release(int threadId)
    {
        var result = _channel.Local is LockCore core
            ? core.Release(new SyncCaller(null, threadId))
            : _channel.Call(SyncOp.Release, threadId: threadId);
        SyncResult.Check(result, _channel.What);
    }
}
