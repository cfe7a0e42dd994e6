using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Queues;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing;

/// <summary>
/// A FIFO queue shared by processes, as Python's <c>multiprocessing.Queue</c>. The queue is owned by an actor in
/// the process that created it; a handle can be captured by a <see cref="Process"/> target or sent in a message
/// to any process, and works there.
/// </summary>
/// <remarks>
/// <para>Items are serialized by the producer (an item that cannot cross a process fails at <c>Put</c> with an
/// <see cref="ArgumentException"/> naming the field) and deserialized by the consumer. Order is FIFO per producer;
/// nothing is lost or duplicated while producer and consumer live. Each consuming process asks for a few items
/// ahead of its gets (an adaptive window of up to 64); items delivered to a process that dies before its
/// <c>Get</c> returned them go back to the queue for the others. A process putting on an unbounded queue owned
/// elsewhere sends its puts in batches, as Python's feeder thread does: they are on their way when <c>Put</c>
/// returns, this process's own <c>Count</c>, gets and <c>Join</c> see them, and they are flushed before it exits.</para>
/// <para>When the process that created the queue ends, calls on its handles throw <see cref="OwnerProcessGoneException"/>.</para>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public class Queue<T>
{
    private readonly IActorRef _owner;
    private readonly int _maxsize;

    [NonSerialized]
    private volatile bool _closed;

    [NonSerialized]
    private QueueInbox? _inbox;

    // Cached per handle: looking the owner up by ref on every put costs more than the put itself.
    [NonSerialized]
    private PutBuffer? _putBuffer;

    [NonSerialized]
    private CancellationToken _ownerGone;

    [NonSerialized]
    private volatile bool _ownerGoneKnown;

    /// <summary>Creates a queue owned by this process.</summary>
    /// <param name="maxsize">The most items it holds (puts wait for space); 0 or less for unbounded.</param>
    public Queue(int maxsize = 0)
        : this(maxsize, joinable: false)
    {
    }

    private protected Queue(int maxsize, bool joinable)
    {
        _maxsize = Math.Max(0, maxsize);
        _owner = ProcessRuntime.Get().CreateOwner(Props.Create(() => new QueueOwner(maxsize, joinable)));
    }

    /// <summary>The approximate number of items (as Python's <c>qsize()</c>; other processes change it at any time).</summary>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public int Count
    {
        get
        {
            FlushPuts();
            return OwnerCall.Ask<int>(_owner, new QueueCount(), Kind) + Inbox.Buffered;
        }
    }

    /// <summary>Whether the queue looked empty (approximate).</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Whether the queue looked full (approximate; never for an unbounded queue).</summary>
    public bool IsFull => _maxsize > 0 && Count >= _maxsize;

    private protected virtual string Kind => "Queue";

    private CancellationToken OwnerGone
    {
        get
        {
            if (!_ownerGoneKnown)
            {
                _ownerGone = ProcessRuntime.Get().Owners.GoneToken(_owner);
                _ownerGoneKnown = true;
            }

            return _ownerGone;
        }
    }

    private protected IActorRef Owner => _owner;

    private protected QueueInbox Inbox => _inbox ??= QueueInbox.For(_owner, Kind);

    private bool IsLocalOwner => _owner.Path.Address.HasLocalScope;

    /// <summary>Sends this process's buffered puts now (calls that must see them come after).</summary>
    private protected void FlushPuts()
    {
        // A lookup until this process has a buffer for the queue (puts through any of its handles create it), then cached.
        if (!IsLocalOwner)
        {
            (_putBuffer ??= PutBuffer.Find(_owner))?.Flush();
        }
    }

    /// <summary>Adds an item, waiting for space up to <paramref name="timeout"/> when the queue is bounded.</summary>
    /// <param name="item">The item.</param>
    /// <param name="timeout">How long to wait for space; null waits for ever, <see cref="TimeSpan.Zero"/> does not wait.</param>
    /// <exception cref="QueueFullException">No space within the timeout.</exception>
    /// <exception cref="ArgumentException">The item cannot be serialized (the message names the field and type).</exception>
    /// <exception cref="InvalidOperationException">This handle was closed.</exception>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public void Put(T item, TimeSpan? timeout = null)
    {
        if (!TryPutCore(item, timeout ?? Timeout.InfiniteTimeSpan, CancellationToken.None).GetAwaiter().GetResult())
        {
            throw new QueueFullException($"The {Kind} stayed full for {timeout}.");
        }
    }

    /// <summary>Adds an item if there is space within <paramref name="timeout"/>.</summary>
    /// <returns>False when the queue stayed full.</returns>
    public bool TryPut(T item, TimeSpan timeout = default) => TryPutCore(item, timeout, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Adds an item, waiting for space as long as needed.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting for space (the item may still have been added if space came at that moment).</exception>
    public async ValueTask PutAsync(T item, CancellationToken cancellationToken = default) =>
        await TryPutCore(item, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);

    /// <summary>Removes and returns the next item, waiting up to <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait; null waits for ever, <see cref="TimeSpan.Zero"/> does not wait.</param>
    /// <exception cref="QueueEmptyException">No item within the timeout.</exception>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public T Get(TimeSpan? timeout = null)
    {
        ValidateTimeout(timeout);
        FlushPuts();
        if (!Inbox.TryTake(timeout, CancellationToken.None, out var bytes))
        {
            throw new QueueEmptyException($"The {Kind} stayed empty for {timeout}.");
        }

        return Read(bytes);
    }

    /// <summary>Removes the next item if one arrives within <paramref name="timeout"/>.</summary>
    /// <returns>False when the queue stayed empty.</returns>
    public bool TryGet(out T item, TimeSpan timeout = default)
    {
        ValidateTimeout(timeout);
        FlushPuts();
        if (Inbox.TryTake(timeout, CancellationToken.None, out var bytes))
        {
            item = Read(bytes);
            return true;
        }

        item = default!;
        return false;
    }

    /// <summary>Removes and returns the next item, waiting as long as needed.</summary>
    public async ValueTask<T> GetAsync(CancellationToken cancellationToken = default) =>
        Read(await Inbox.TakeAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>No more puts through this handle (other handles of the queue are not affected).</summary>
    public void Close() => _closed = true;

    private static void ValidateTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && t < TimeSpan.Zero && t != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), t, "The timeout must not be negative.");
        }
    }

    private static T Read(byte[] bytes)
    {
        var runtime = ProcessRuntime.Get();
        return runtime.Serializer.Deserialize<T>(bytes, runtime.System);
    }

    private async ValueTask<bool> TryPutCore(T item, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_closed)
        {
            throw new InvalidOperationException($"This {Kind} handle was closed; no more puts through it.");
        }

        ValidateTimeout(timeout);
        var runtime = ProcessRuntime.Get();
        if (OwnerGone.IsCancellationRequested)
        {
            throw OwnerCall.Gone(_owner, Kind);
        }

        byte[] bytes;
        try
        {
            bytes = runtime.Serializer.SerializeToArray(item);
        }
        catch (SerializationException e)
        {
            throw new ArgumentException($"The item cannot be put on the {Kind}: {e.Message}", nameof(item), e);
        }

        if (_maxsize == 0)
        {
            if (IsLocalOwner)
            {
                _owner.Tell(new QueuePut(bytes), ActorRefs.NoSender);
            }
            else
            {
                (_putBuffer ??= PutBuffer.For(_owner)).Add(bytes);
            }

            return true;
        }

        long timeoutMs = timeout == Timeout.InfiniteTimeSpan ? -1 : (long)timeout.TotalMilliseconds;
        var result = await OwnerCall.AskAsync<QueuePutResult>(_owner, new QueuePutWait(bytes, timeoutMs), Kind, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.Accepted;
    }
}
