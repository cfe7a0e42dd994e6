namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// A call that waits in a core. The core completes it (under its gate) with a <see cref="SyncResult"/>; its
/// timer and its cancellation token ask the core to expire it, which the core ignores once it is no longer
/// waiting for that.
/// </summary>
internal sealed class SyncWaiter
{
    private readonly TaskCompletionSource<int> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ISyncReply? _reply;
    private SyncCore? _core;
    private Timer? _timer;
    private CancellationTokenRegistration _cancellation;

    /// <summary>A waiter for <paramref name="caller"/>; <paramref name="reply"/> also gets the result, at once.</summary>
    public SyncWaiter(SyncCaller caller, ISyncReply? reply = null)
    {
        Caller = caller;
        _reply = reply;
    }

    /// <summary>Who waits.</summary>
    public SyncCaller Caller { get; }

    /// <summary>Completes with the result.</summary>
    public Task<int> Task => _done.Task;

    /// <summary>True once completed.</summary>
    public bool IsCompleted => _done.Task.IsCompleted;

    /// <summary>The core's list node for this waiter (where it waits now), if any.</summary>
    public LinkedListNode<SyncWaiter>? Node { get; set; }

    /// <summary>Core data: the recursion count to restore (locks), the arrival index (barriers).</summary>
    public int Value { get; set; }

    /// <summary>Core data: the condition waited on.</summary>
    public long Key { get; set; }

    /// <summary>Core data: the result to complete with once the waiter gets the lock back (condition waits).</summary>
    public int Outcome { get; set; }

    /// <summary>Starts the timeout and the cancellation; call under the core's gate, after the waiter is queued.</summary>
    public void Arm(SyncCore core, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        _core = core;
        if (timeout is { } t)
        {
            _timer = new Timer(static s => ((SyncWaiter)s!).Expire(SyncResult.False), this, t, Timeout.InfiniteTimeSpan);
        }

        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static s => ((SyncWaiter)s!).Expire(SyncResult.Cancelled), this);
        }
    }

    /// <summary>Completes the waiter (once); call under the core's gate.</summary>
    public void Complete(int result)
    {
        if (_done.TrySetResult(result))
        {
            _timer?.Dispose();

            // Unregister, never Dispose: Dispose would wait for a running callback, which waits for the gate we hold.
            _cancellation.Unregister();

            // Straight from here: no thread hop between a release and the reply to a waiter in another process.
            _reply?.Reply(result);
        }
    }

    private void Expire(int result) => _core?.Expire(this, result);
}
