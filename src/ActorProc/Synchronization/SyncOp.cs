namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>The operations a handle asks of the core that owns a synchronization object.</summary>
internal enum SyncOp
{
    /// <summary>Take the lock or a permit; waits.</summary>
    Acquire,

    /// <summary>Give the lock or a permit back.</summary>
    Release,

    /// <summary>The semaphore's value.</summary>
    Value,

    /// <summary>Set the event.</summary>
    Set,

    /// <summary>Clear the event.</summary>
    Clear,

    /// <summary>Whether the event is set.</summary>
    IsSet,

    /// <summary>Wait for the event, or at the barrier; waits.</summary>
    Wait,

    /// <summary>Release the lock, wait for a notification of condition <c>Key</c>, re-acquire; waits.</summary>
    ConditionWait,

    /// <summary>Wake up to <c>Arg</c> waiters of condition <c>Key</c>.</summary>
    Notify,

    /// <summary>Break the barrier.</summary>
    Abort,

    /// <summary>Return the barrier to its empty, unbroken state.</summary>
    Reset,

    /// <summary>Whether the barrier is broken.</summary>
    IsBroken,

    /// <summary>How many parties wait at the barrier.</summary>
    Waiting,

    /// <summary>The calling process (pid <c>Arg</c>) uses the object's shared memory directly: watch it for crash safety.</summary>
    Attach,
}
