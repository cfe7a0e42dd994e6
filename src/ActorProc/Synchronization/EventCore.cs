using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>The state of an <see cref="Event"/>: the flag and the callers waiting for it to be set.</summary>
internal sealed class EventCore : SyncCore
{
    private readonly LinkedList<SyncWaiter> _waiters = new();
    private bool _set;

    /// <inheritdoc />
    public override ValueTask<int> Invoke(in SyncCall call, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            switch (call.Op)
            {
                case SyncOp.Set:
                    _set = true;
                    while (_waiters.First is { } first)
                    {
                        Dequeue(first.Value);
                        first.Value.Complete(SyncResult.True);
                    }

                    return new ValueTask<int>(SyncResult.True);
                case SyncOp.Clear:
                    _set = false;
                    return new ValueTask<int>(SyncResult.True);
                case SyncOp.IsSet:
                    return new ValueTask<int>(_set ? SyncResult.True : SyncResult.False);
                case SyncOp.Wait:
                    if (_set || call.Timeout == TimeSpan.Zero)
                    {
                        return new ValueTask<int>(_set ? SyncResult.True : SyncResult.False);
                    }

                    if (cancellationToken.IsCancellationRequested)
                    {
                        return new ValueTask<int>(SyncResult.Cancelled);
                    }

                    var waiter = new SyncWaiter(call.Caller, call.Reply);
                    Enqueue(_waiters, waiter);
                    return WaitFor(waiter, call.Timeout, cancellationToken);
                default:
                    throw new ArgumentOutOfRangeException(nameof(call), call.Op, "Not an event operation.");
            }
        }
    }

    /// <inheritdoc />
    public override void ProcessGone(Address process)
    {
        lock (Gate)
        {
            DropWaitersOf(_waiters, process);
        }
    }
}
