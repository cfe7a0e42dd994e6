using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// The authoritative state of one synchronization object, in the process that created it. Handles of that
/// process call it directly (no message); handles elsewhere reach it through its <see cref="SyncFront"/>.
/// Thread-safe: every operation runs under <see cref="Gate"/>.
/// </summary>
internal abstract class SyncCore
{
    /// <summary>Guards the state.</summary>
    protected object Gate { get; } = new();

    /// <summary>Runs <paramref name="call"/>; completes with a <see cref="SyncResult"/> code, never faults.</summary>
    public abstract ValueTask<int> Invoke(in SyncCall call, CancellationToken cancellationToken);

    /// <summary>
    /// The timeout (<see cref="SyncResult.False"/>) or cancellation (<see cref="SyncResult.Cancelled"/>) of a waiter:
    /// by default a waiter still queued leaves the queue with <paramref name="result"/>.
    /// </summary>
    public virtual void Expire(SyncWaiter waiter, int result)
    {
        lock (Gate)
        {
            if (!waiter.IsCompleted && Dequeue(waiter))
            {
                waiter.Complete(result);
            }
        }
    }

    /// <summary>The process at <paramref name="process"/> has died: drop its waiters and give back what it held.</summary>
    public abstract void ProcessGone(Address process);

    /// <summary>Arms <paramref name="waiter"/> (already queued) and returns its result.</summary>
    protected ValueTask<int> WaitFor(SyncWaiter waiter, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        waiter.Arm(this, timeout, cancellationToken);
        return new ValueTask<int>(waiter.Task);
    }

    /// <summary>Completes and removes every waiter of <paramref name="list"/> that lives in <paramref name="process"/>.</summary>
    protected static void DropWaitersOf(LinkedList<SyncWaiter> list, Address process)
    {
        var node = list.First;
        while (node is not null)
        {
            var next = node.Next;
            if (node.Value.Caller.IsIn(process))
            {
                list.Remove(node);
                node.Value.Node = null;
                node.Value.Complete(SyncResult.Cancelled);
            }

            node = next;
        }
    }

    /// <summary>Adds <paramref name="waiter"/> at the end of <paramref name="list"/>.</summary>
    protected static void Enqueue(LinkedList<SyncWaiter> list, SyncWaiter waiter) => waiter.Node = list.AddLast(waiter);

    /// <summary>Removes <paramref name="waiter"/> from the list it is in; false when it is in none.</summary>
    protected static bool Dequeue(SyncWaiter waiter)
    {
        if (waiter.Node is not { List: { } list } node)
        {
            return false;
        }

        list.Remove(node);
        waiter.Node = null;
        return true;
    }
}
