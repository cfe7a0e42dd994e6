using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Queues;

namespace ActorProc.Multiprocessing;

/// <summary>
/// A <see cref="Queue{T}"/> whose consumers mark each item done (<see cref="TaskDone"/>), so that a producer
/// can wait until everything put was processed (<see cref="Join"/>), as Python's <c>JoinableQueue</c>.
/// </summary>
/// <remarks>
/// Beyond Python: an item a consumer took but had not marked done when its process died is delivered again
/// to another consumer, and <see cref="Join"/> does not hang because of it. <see cref="TaskDone"/> calls of a
/// process are sent to the owner in batches, at once (no message from the owning process itself).
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public class JoinableQueue<T> : Queue<T>
{
    /// <summary>Creates a joinable queue owned by this process.</summary>
    /// <param name="maxsize">The most items it holds; 0 or less for unbounded.</param>
    public JoinableQueue(int maxsize = 0)
        : base(maxsize, joinable: true)
    {
    }

    private protected override string Kind => "JoinableQueue";

    private protected override bool Joinable => true;

    /// <summary>Marks one item taken by this process as done.</summary>
    /// <exception cref="InvalidOperationException">Called more times than items were taken in this process.</exception>
    public void TaskDone()
    {
        if (Local is { } core)
        {
            core.TaskDone(Kind);
        }
        else if (ExistingInbox is { } inbox)
        {
            inbox.TaskDone();
        }
        else
        {
            throw new InvalidOperationException($"TaskDone was called more times than items were taken from this {Kind} in this process.");
        }
    }

    /// <summary>Waits until every item put on the queue has been marked done.</summary>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public void Join()
    {
        if (Local is { } core)
        {
            core.JoinAsync().GetAwaiter().GetResult();
            return;
        }

        FlushPuts();
        OwnerCall.Ask<bool>(Owner, new QueueJoin(), Kind);
    }

    /// <summary>Completes when every item put on the queue has been marked done.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public Task JoinAsync(CancellationToken cancellationToken = default)
    {
        if (Local is { } core)
        {
            return core.JoinAsync().WaitAsync(cancellationToken);
        }

        FlushPuts();
        return OwnerCall.AskAsync<bool>(Owner, new QueueJoin(), Kind, cancellationToken: cancellationToken);
    }
}
