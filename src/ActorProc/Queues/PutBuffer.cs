using System.Buffers;
using System.Collections.Concurrent;
using ActorProc.Actors;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>
/// Puts of this process to an unbounded queue owned by another process, sent in batches (as Python's feeder thread
/// does): a put serializes its item straight into one shared buffer and, when no flush is pending, schedules one
/// on the thread pool; a flush sends everything appended so far, in order, as <see cref="QueuePutBatch"/> messages
/// (one byte array and its item ends each, at most <see cref="MaxBatchItems"/> items or about
/// <see cref="MaxBatchBytes"/>). Calls that must see this process's puts (Count, gets, Join) flush first, and a
/// process flushes every buffer before it exits.
/// </summary>
internal sealed class PutBuffer : IThreadPoolWorkItem
{
    /// <summary>The most items in one message.</summary>
    public const int MaxBatchItems = 4096;

    /// <summary>A message is closed once its items reach this many bytes (a bigger item travels alone).</summary>
    public const int MaxBatchBytes = 256 * 1024;

    private const int RetainedCapacity = 4 * 1024 * 1024;
    private static readonly ConcurrentDictionary<IActorRef, PutBuffer> Buffers = new();
    private static int _created;

    private readonly IActorRef _owner;
    private readonly object _gate = new();
    private readonly object _flushGate = new();
    private ArrayBufferWriter<byte> _data = new(4096);
    private List<int> _ends = [];
    private ArrayBufferWriter<byte> _spareData = new(4096);
    private List<int> _spareEnds = [];
    private int _scheduled;

    private PutBuffer(IActorRef owner) => _owner = owner;

    /// <summary>How many buffers this process has created so far (a handle that found none need not look again until it changes).</summary>
    public static int Created => Volatile.Read(ref _created);

    /// <summary>The buffer for <paramref name="owner"/>'s queue in this process.</summary>
    public static PutBuffer For(IActorRef owner) => Buffers.GetOrAdd(owner, static o =>
    {
        Interlocked.Increment(ref _created);
        return new PutBuffer(o);
    });

    /// <summary>The buffer for <paramref name="owner"/>'s queue if this process has put on it, else null.</summary>
    public static PutBuffer? Find(IActorRef owner) => Buffers.GetValueOrDefault(owner);

    /// <summary>
    /// Before the process exits: sends the pending acknowledgements of this process's gets (<see cref="QueueInbox.FlushAll"/>),
    /// then whatever every buffer holds.
    /// </summary>
    public static void FlushAll()
    {
        QueueInbox.FlushAll();
        foreach (var buffer in Buffers.Values)
        {
            buffer.Flush();
        }
    }

    /// <summary>Serializes <paramref name="item"/> into the buffer; it is sent with the next flush.</summary>
    /// <exception cref="SerializationException">The item cannot cross a process (nothing was added).</exception>
    public void Add<T>(Serializer serializer, T item)
    {
        lock (_gate)
        {
            serializer.Serialize(_data, item);
            _ends.Add(_data.WrittenCount);
        }

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
            ArrayBufferWriter<byte> data;
            List<int> ends;
            lock (_gate)
            {
                if (_ends.Count == 0)
                {
                    return;
                }

                (data, ends) = (_data, _ends);
                (_data, _ends) = (_spareData, _spareEnds);
            }

            Send(data.WrittenSpan, ends);
            ends.Clear();
            if (data.Capacity > RetainedCapacity)
            {
                data = new ArrayBufferWriter<byte>(4096);
            }
            else
            {
                data.ResetWrittenCount();
            }

            (_spareData, _spareEnds) = (data, ends);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        Volatile.Write(ref _scheduled, 0);
        Flush();
    }

    private void Send(ReadOnlySpan<byte> data, List<int> ends)
    {
        int first = 0;
        int start = 0;
        while (first < ends.Count)
        {
            int last = first;
            while (last + 1 < ends.Count && last + 1 - first < MaxBatchItems && ends[last + 1] - start <= MaxBatchBytes)
            {
                last++;
            }

            var batchEnds = new int[last - first + 1];
            for (int i = first; i <= last; i++)
            {
                batchEnds[i - first] = ends[i] - start;
            }

            _owner.Tell(new QueuePutBatch(data[start..ends[last]].ToArray(), batchEnds), ActorRefs.NoSender);
            start = ends[last];
            first = last + 1;
        }
    }
}
