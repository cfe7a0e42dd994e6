using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// The owner's side of an <see cref="Event"/>. The flag lives in an <see cref="EventCell"/> in shared memory, which
/// processes on this host use directly; the core serves the calls that come as messages (asynchronous waits, and every
/// call of a process that cannot map the memory) and wakes its waiters when a set happens, here or in any process.
/// </summary>
internal sealed class EventCore : SyncCore, ICellCore<EventCell>
{
    private readonly LinkedList<SyncWaiter> _waiters = new();
    private readonly CellPump _pump;

    /// <summary>The core over <paramref name="cell"/> (in memory that lives as long as this process).</summary>
    public EventCore(EventCell cell)
    {
        Cell = cell;
        _pump = new CellPump(cell, Gate, () =>
        {
            Serve();
            return _waiters.Count > 0;
        }, "ActorProc event waiters");
    }

    /// <inheritdoc />
    public EventCell Cell { get; }

    /// <inheritdoc />
    public override ValueTask<int> Invoke(in SyncCall call, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            switch (call.Op)
            {
                case SyncOp.Set:
                    Cell.Set();
                    Serve();
                    return new ValueTask<int>(SyncResult.True);
                case SyncOp.Clear:
                    Cell.Clear();
                    return new ValueTask<int>(SyncResult.True);
                case SyncOp.IsSet:
                    return new ValueTask<int>(Cell.IsSet ? SyncResult.True : SyncResult.False);
                case SyncOp.Attach:
                    return new ValueTask<int>(SyncResult.True);
                case SyncOp.Wait:
                    if (Cell.IsSet || call.Timeout == TimeSpan.Zero)
                    {
                        return new ValueTask<int>(Cell.IsSet ? SyncResult.True : SyncResult.False);
                    }

                    if (cancellationToken.IsCancellationRequested)
                    {
                        return new ValueTask<int>(SyncResult.Cancelled);
                    }

                    // The waiter remembers the count of sets: any set from now on wakes it.
                    var waiter = new SyncWaiter(call.Caller, call.Reply) { Value = Cell.Sets };
                    Enqueue(_waiters, waiter);
                    _pump.Start();
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

    // Under the gate: completes the waiters that a set has reached.
    private void Serve()
    {
        var node = _waiters.First;
        while (node is not null)
        {
            var next = node.Next;
            if (Cell.WasSet(node.Value.Value))
            {
                Dequeue(node.Value);
                node.Value.Complete(SyncResult.True);
            }

            node = next;
        }
    }
}
