using System.Runtime.CompilerServices;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// The outcome codes of core operations: 0 and 1 are false and true, other non-negative values are values
/// (a semaphore's value, a barrier index); negative values are failures that the handle turns into exceptions.
/// </summary>
internal static class SyncResult
{
    /// <summary>False: the wait timed out, the lock was not free.</summary>
    public const int False = 0;

    /// <summary>True: acquired, notified, done.</summary>
    public const int True = 1;

    /// <summary>The caller's cancellation token was cancelled before the operation completed.</summary>
    public const int Cancelled = -1;

    /// <summary>Release (or a condition call) on a lock that is not held.</summary>
    public const int NotHeld = -2;

    /// <summary>Release (or a condition call) on an RLock held by another process or thread.</summary>
    public const int NotOwner = -3;

    /// <summary>A bounded semaphore was released past its initial value.</summary>
    public const int Full = -4;

    /// <summary>The barrier is broken.</summary>
    public const int Broken = -5;

    /// <summary>
    /// Returns <paramref name="result"/> when it is not a failure; otherwise throws the exception the contract names.
    /// </summary>
    public static int Check(int result, string what, CancellationToken cancellationToken = default)
    {
        if (result >= 0)
        {
            return result;
        }

        throw Failure(result, what, cancellationToken);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Exception Failure(int result, string what, CancellationToken cancellationToken) => result switch
    {
        Cancelled => new OperationCanceledException($"The wait on the {what} was cancelled.", cancellationToken),
        NotHeld => new SynchronizationLockException($"The {what} is not held: it cannot be released or waited on."),
        NotOwner => new SynchronizationLockException($"The {what} is held by another process or thread: only its owner can release it or wait on it."),
        Full => new SemaphoreFullException($"The {what} was released more times than it was acquired (past its initial value)."),
        Broken => new BrokenBarrierException($"The {what} is broken."),
        _ => new InvalidOperationException($"The {what} answered with an unknown result {result}."),
    };
}
