using ActorProc.Multiprocessing.Synchronization;

namespace ActorProc.Multiprocessing;

/// <summary>
/// A counting semaphore shared by processes, as Python's <c>multiprocessing.Semaphore</c>: a handle that can
/// be captured by a <see cref="Process"/> target or sent in a message to any process.
/// </summary>
/// <remarks>
/// <para>On one host the semaphore lives in shared memory (as Python's does): <see cref="Acquire"/>,
/// <see cref="Release"/> and <see cref="Value"/> cost no message; a waiting thread spins for a few microseconds, then
/// sleeps on a futex until a release in any process wakes it. As in Python, waiting threads are not served in a set
/// order. Asynchronous waits, and every call from a process that cannot map the memory (another host), go to the
/// owner in the creating process, which serves them in the order they came.</para>
/// <para>Crash safety: permits that a process took and had not given back when it died are given back (never
/// raising the value above the initial value), and the next waiters proceed, however the process died (even in the
/// middle of an update of the shared state). When the owner's process is gone, calls throw
/// <see cref="OwnerProcessGoneException"/> at once.</para>
/// </remarks>
public class Semaphore
{
    private readonly SyncCellHandle<SemaphoreCell> _handle;
    private readonly bool _bounded;

    /// <summary>Creates a semaphore owned by this process with <paramref name="value"/> permits.</summary>
    /// <param name="value">The initial number of permits.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public Semaphore(int value = 1)
        : this(value, bounded: false)
    {
    }

    private protected Semaphore(int value, bool bounded)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        _bounded = bounded;
        _handle = SyncCellHandle<SemaphoreCell>.Create(
            data => SemaphoreCell.Initialize(data, value, bounded),
            static cell => new SemaphoreCore(cell),
            bounded ? "BoundedSemaphore" : "Semaphore");
    }

    /// <summary>The number of free permits (Python's <c>get_value()</c>).</summary>
    /// <exception cref="OwnerProcessGoneException">The process that created the semaphore is gone.</exception>
    public int Value => _handle.Direct() is { } cell ? cell.Value : Channel.CallChecked(SyncOp.Value);

    private SyncChannel Channel => _handle.Channel;

    /// <summary>Takes a permit, waiting at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait; null waits without limit, <see cref="TimeSpan.Zero"/> does not block.</param>
    /// <returns>True when a permit was taken; false when the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the semaphore is gone.</exception>
    public bool Acquire(TimeSpan? timeout = null)
    {
        timeout = SyncChannel.CheckTimeout(timeout);
        if (_handle.State is { } state)
        {
            return _handle.Wait(state, timeout, static (cell, pid, t, gone) => cell.Acquire(pid, t, gone));
        }

        return Channel.CallChecked(SyncOp.Acquire, timeout) == SyncResult.True;
    }

    /// <summary>Takes a permit without blocking a thread, waiting without limit.</summary>
    /// <param name="cancellationToken">Stops the wait; no permit is then taken.</param>
    /// <returns>True (a permit was taken).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before a permit was taken.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the semaphore is gone.</exception>
    public ValueTask<bool> AcquireAsync(CancellationToken cancellationToken = default) => AcquireAsync(null, cancellationToken);

    /// <summary>Takes a permit without blocking a thread, waiting at most <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait; null waits without limit, <see cref="TimeSpan.Zero"/> does not wait.</param>
    /// <param name="cancellationToken">Stops the wait; no permit is then taken.</param>
    /// <returns>True when a permit was taken; false when the timeout passed first.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before a permit was taken.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the semaphore is gone.</exception>
    public ValueTask<bool> AcquireAsync(TimeSpan? timeout, CancellationToken cancellationToken = default)
    {
        timeout = SyncChannel.CheckTimeout(timeout);
        if (!cancellationToken.IsCancellationRequested && _handle.Direct() is { } cell && cell.TryAcquire(_handle.Pid))
        {
            return new ValueTask<bool>(true);
        }

        return AcquireByOwnerAsync(timeout, cancellationToken);
    }

    /// <summary>Gives a permit back; a waiter, if any, takes it.</summary>
    /// <remarks>
    /// In a process that calls by message (another host), a <see cref="Semaphore"/>'s release does not wait for the
    /// owner's answer (it cannot fail): the permit is on its way when <c>Release</c> returns, and this process's later
    /// calls on the semaphore arrive after it. A <see cref="BoundedSemaphore"/> waits for the answer, which may be a
    /// <see cref="SemaphoreFullException"/>.
    /// </remarks>
    /// <exception cref="SemaphoreFullException">A <see cref="BoundedSemaphore"/> would go above its initial value.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the semaphore is gone.</exception>
    public void Release()
    {
        if (_handle.Direct() is { } cell)
        {
            SyncResult.Check(cell.Release(_handle.Pid), Channel.What);
        }
        else if (_bounded)
        {
            Channel.CallChecked(SyncOp.Release);
        }
        else
        {
            Channel.Post(SyncOp.Release);
        }
    }

    private async ValueTask<bool> AcquireByOwnerAsync(TimeSpan? timeout, CancellationToken cancellationToken) =>
        await Channel.CallCheckedAsync(SyncOp.Acquire, timeout, cancellationToken).ConfigureAwait(false) == SyncResult.True;

    /// <summary>Takes a permit (waiting without limit) and returns what gives it back when disposed.</summary>
    /// <returns>Releases the permit on <see cref="IDisposable.Dispose"/> (once).</returns>
    /// <exception cref="OwnerProcessGoneException">The process that created the semaphore is gone.</exception>
    public IDisposable Hold()
    {
        Acquire();
        return new HoldReleaser(Release);
    }
}
