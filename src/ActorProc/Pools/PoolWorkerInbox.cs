using System.Collections.Concurrent;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// In a worker process: where the pool sends work. A ref under <c>/temp</c> whose <see cref="Tell"/> runs on the
/// remoting reader's thread and only queues the batch for the worker's own thread (no actor hop in between).
/// </summary>
internal sealed class PoolWorkerInbox : DirectRef, IDisposable
{
    private readonly ConcurrentQueue<PoolWork> _queue = new();
    private readonly SemaphoreSlim _signal = new(0);
    private volatile bool _disposed;

    private PoolWorkerInbox(ActorSystem system)
        : base(system, "pool-worker")
    {
    }

    /// <inheritdoc />
    public override bool IsTerminated => _disposed;

    /// <summary>True when no batch is waiting.</summary>
    public bool IsEmpty => _queue.IsEmpty;

    /// <summary>A new inbox, registered so that the pool can reach it.</summary>
    public static PoolWorkerInbox Create(ActorSystem system)
    {
        var inbox = new PoolWorkerInbox(system);
        inbox.Register();
        return inbox;
    }

    /// <inheritdoc />
    public override void Tell(object message, IActorRef? sender)
    {
        if (message is PoolWork work && !_disposed)
        {
            _queue.Enqueue(work);
            _signal.Release();
        }
    }

    /// <summary>The next batch, waiting for one when none is queued.</summary>
    public PoolWork Take()
    {
        PoolWork? work;
        while (!_queue.TryDequeue(out work))
        {
            _signal.Wait();
        }

        return work;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        Unregister();
    }
}
