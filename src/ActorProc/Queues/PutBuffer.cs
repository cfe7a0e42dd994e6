using System.Collections.Concurrent;
using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>
/// Puts of this process to a queue owned by another process, sent in batches (as Python's feeder thread does):
/// a put appends here and, when no flush is pending, schedules one on the thread pool; a flush sends everything
/// appended so far as one message, in order. Calls that must see this process's puts (Count, a non-blocking
/// get, Join) flush first, and a process flushes every buffer before it exits.
/// </summary>
internal sealed class PutBuffer : IThreadPoolWorkItem
{
    private const int MaxBatch = 1024;
    private static readonly ConcurrentDictionary<IActorRef, PutBuffer> Buffers = new();

    private readonly IActorRef _owner;
    private readonly ConcurrentQueue<byte[]> _items = new();
    private readonly object _flushGate = new();
    private int _scheduled;

    private PutBuffer(IActorRef owner) => _owner = owner;

    /// <summary>The buffer for <paramref name="owner"/>'s queue in this process.</summary>
    public static PutBuffer For(IActorRef owner) => Buffers.GetOrAdd(owner, static o => new PutBuffer(o));

    /// <summary>The buffer for <paramref name="owner"/>'s queue if this process has put on it, else null.</summary>
    public static PutBuffer? Find(IActorRef owner) => Buffers.GetValueOrDefault(owner);

    /// <summary>Sends whatever every buffer of this process holds (before the process exits).</summary>
    public static void FlushAll()
    {
        foreach (var buffer in Buffers.Values)
        {
            buffer.Flush();
        }
    }

    /// <summary>Appends a serialized item; it is sent with the next flush.</summary>
    public void Add(byte[] item)
    {
        _items.Enqueue(item);
        if (Interlocked.Exchange(ref _scheduled, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Sends everything appended so far, in order.</summary>
    public void Flush()
    {
        lock (_flushGate)
        {
            while (!_items.IsEmpty)
            {
                var batch = new List<byte[]>(Math.Min(_items.Count, MaxBatch));
                while (batch.Count < MaxBatch && _items.TryDequeue(out var item))
                {
                    batch.Add(item);
                }

                _owner.Tell(batch.Count == 1 ? new QueuePut(batch[0]) : new QueuePutBatch([.. batch]), ActorRefs.NoSender);
            }
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        Volatile.Write(ref _scheduled, 0);
        Flush();
    }
}
