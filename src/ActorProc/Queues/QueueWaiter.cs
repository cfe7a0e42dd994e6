namespace ActorProc.Multiprocessing.Queues;

/// <summary>
/// A get, put or join waiting in a <see cref="QueueCore"/>. The core completes it under its gate; its timer
/// completes it with the timeout result and its cancellation token cancels it, both only while it still waits
/// in its list (once the core completed it, the result stands).
/// </summary>
/// <typeparam name="TResult">What the wait yields: the item (a get), whether the item went in (a put), true (a join).</typeparam>
internal sealed class QueueWaiter<TResult> : TaskCompletionSource<TResult>
{
    private readonly object _gate;
    private readonly TResult _timedOut;
    private Timer? _timer;
    private CancellationTokenRegistration _cancellation;
    private CancellationToken _token;

    /// <summary>A waiter of the core guarded by <paramref name="gate"/> that yields <paramref name="timedOut"/> on timeout.</summary>
    public QueueWaiter(object gate, TResult timedOut, QueueItem item = default)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _gate = gate;
        _timedOut = timedOut;
        Item = item;
    }

    /// <summary>A put's item.</summary>
    public QueueItem Item { get; }

    /// <summary>Its turn among the puts waiting for space.</summary>
    public long Ticket { get; set; }

    /// <summary>Where it waits in the core (null once it no longer waits).</summary>
    public LinkedListNode<QueueWaiter<TResult>>? Node { get; set; }

    /// <summary>Queues the waiter at the end of <paramref name="list"/> and starts its timeout and cancellation; call under the gate.</summary>
    public void Enqueue(LinkedList<QueueWaiter<TResult>> list, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        Node = list.AddLast(this);
        if (timeout is { } t && t != Timeout.InfiniteTimeSpan)
        {
            _timer = new Timer(static s => ((QueueWaiter<TResult>)s!).Expire(cancelled: false), this, t, Timeout.InfiniteTimeSpan);
        }

        if (cancellationToken.CanBeCanceled)
        {
            _token = cancellationToken;
            _cancellation = cancellationToken.UnsafeRegister(static s => ((QueueWaiter<TResult>)s!).Expire(cancelled: true), this);
        }
    }

    /// <summary>Takes the waiter out of its list and completes it with <paramref name="result"/>; call under the gate.</summary>
    public void Complete(TResult result)
    {
        if (Node is { List: { } list } node)
        {
            list.Remove(node);
        }

        Node = null;
        _timer?.Dispose();

        // Unregister, never Dispose: Dispose would wait for a running callback, which waits for the gate we hold.
        _cancellation.Unregister();
        TrySetResult(result);
    }

    private void Expire(bool cancelled)
    {
        lock (_gate)
        {
            if (Node is null)
            {
                return;
            }

            Node.List?.Remove(Node);
            Node = null;
            _timer?.Dispose();
            _cancellation.Unregister();
            if (cancelled)
            {
                TrySetCanceled(_token);
            }
            else
            {
                TrySetResult(_timedOut);
            }
        }
    }
}
