using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Queues;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing;

/// <summary>
/// A FIFO queue shared by processes, as Python's <c>multiprocessing.Queue</c>. The queue is owned by the process
/// that created it; a handle can be captured by a <see cref="Process"/> target or sent in a message to any
/// process, and works there. A handle holds only the ref of the queue's owner actor and its settings.
/// </summary>
/// <remarks>
/// <para>Items are serialized by the producer (an item that cannot cross a process fails at <c>Put</c> with an
/// <see cref="ArgumentException"/> naming the field: the queue holds a snapshot) and deserialized by the consumer.
/// Order is FIFO per producer; nothing is lost or duplicated while producer and consumer live.</para>
/// <para>In the owning process, puts and gets work on the queue's state directly (no message). A process putting on
/// an unbounded queue owned elsewhere sends its puts in batches, as Python's feeder thread does: they are on their
/// way when <c>Put</c> returns, this process's own <c>Count</c>, gets and <c>Join</c> see them, and they are
/// flushed before it exits. On a bounded queue such a process puts against space the owner reserved for it (as a
/// slot of Python's semaphore), asking for more only when it has none left. A consuming process elsewhere receives items many per message, ahead of its gets (up
/// to about a millisecond of its own work between gets, at most 512 items).</para>
/// <para>Crash safety: items delivered to a consumer process that dies before its <c>Get</c> returned them go back
/// to the queue for the others, in order; an item whose <c>Get</c> returned is never delivered again. On one host
/// this is exact (each get records its count in memory shared with the owner before it returns); a consumer on
/// another host acknowledges each get as it returns, so only one killed in the instant between a return and the
/// acknowledgement leaving it could see that item delivered again.</para>
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
    private QueueCore? _core;

    [NonSerialized]
    private volatile bool _coreKnown;

    [NonSerialized]
    private QueueInbox? _inbox;

    // Cached per handle: looking the owner up by ref on every put costs more than the put itself.
    [NonSerialized]
    private PutBuffer? _putBuffer;

    [NonSerialized]
    private int _putBuffersSeen;

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
        var core = new QueueCore(_maxsize, joinable);
        _owner = ProcessRuntime.Get().CreateOwner(Props.Create(() => new QueueOwner(core)));
        core.Register(_owner);
        _core = core;
        _coreKnown = true;
    }

    /// <summary>The approximate number of items (as Python's <c>qsize()</c>; other processes change it at any time).</summary>
    /// <remarks>Items already delivered to another consuming process and not yet returned by its gets are not counted.</remarks>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public int Count
    {
        get
        {
            if (Local is { } core)
            {
                return core.Count;
            }

            FlushPuts();
            return OwnerCall.Ask<int>(_owner, new QueueCount(), Kind) + ((_inbox ?? QueueInbox.Find(_owner))?.Buffered ?? 0);
        }
    }

    /// <summary>Whether the queue looked empty (approximate).</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>Whether the queue looked full (approximate; never for an unbounded queue).</summary>
    public bool IsFull => _maxsize > 0 && Count >= _maxsize;

    private protected virtual string Kind => "Queue";

    private protected virtual bool Joinable => false;

    /// <summary>The queue's state when this process owns it, else null.</summary>
    private protected QueueCore? Local
    {
        get
        {
            if (!_coreKnown)
            {
                _core = _owner.Path.Address.HasLocalScope ? QueueCore.Find(_owner) : null;
                _coreKnown = true;
            }

            return _core;
        }
    }

    private protected IActorRef Owner => _owner;

    /// <summary>Whether this process owns the queue (its handles then work on the queue's state directly).</summary>
    internal bool IsOwnedHere => Local is not null;

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

    private QueueInbox Inbox => _inbox ??= QueueInbox.For(_owner, Kind, promptAcks: _maxsize > 0 || Joinable);

    private PutBuffer PutBufferHere => _putBuffer ??= PutBuffer.For(_owner, Kind, _maxsize);

    /// <summary>Adds an item, waiting for space up to <paramref name="timeout"/> when the queue is bounded.</summary>
    /// <param name="item">The item.</param>
    /// <param name="timeout">How long to wait for space; null waits for ever, <see cref="TimeSpan.Zero"/> does not wait.</param>
    /// <exception cref="QueueFullException">No space within the timeout.</exception>
    /// <exception cref="ArgumentException">The item cannot be serialized (the message names the field and type).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout.</exception>
    /// <exception cref="InvalidOperationException">This handle was closed.</exception>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public void Put(T item, TimeSpan? timeout = null)
    {
        if (!PutCore(item, timeout ?? Timeout.InfiniteTimeSpan))
        {
            throw new QueueFullException($"The {Kind} stayed full for {timeout}.");
        }
    }

    /// <summary>Adds an item if there is space within <paramref name="timeout"/>.</summary>
    /// <returns>False when the queue stayed full.</returns>
    /// <exception cref="ArgumentException">The item cannot be serialized.</exception>
    /// <exception cref="InvalidOperationException">This handle was closed.</exception>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public bool TryPut(T item, TimeSpan timeout = default) => PutCore(item, timeout);

    /// <summary>Adds an item, waiting for space as long as needed.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting for space (the item may still have been added if space came at that moment when another process owns the queue).</exception>
    /// <exception cref="ArgumentException">The item cannot be serialized.</exception>
    /// <exception cref="InvalidOperationException">This handle was closed.</exception>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public async ValueTask PutAsync(T item, CancellationToken cancellationToken = default)
    {
        CheckPut(Timeout.InfiniteTimeSpan);
        if (Local is { } core)
        {
            var queued = SerializeLocal(item);
            if (_maxsize == 0)
            {
                core.Add(queued);
            }
            else if (!core.TryAdd(queued, null, cancellationToken, out var waiter))
            {
                await waiter!.Task.ConfigureAwait(false);
            }

            return;
        }

        if (_maxsize == 0)
        {
            PutRemote(item);
            return;
        }

        try
        {
            await PutBufferHere.PutAsync(ProcessRuntime.Get().Serializer, item, cancellationToken).ConfigureAwait(false);
        }
        catch (SerializationException e)
        {
            throw CannotPut(e);
        }
    }

    /// <summary>Removes and returns the next item, waiting up to <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait; null waits for ever, <see cref="TimeSpan.Zero"/> does not wait.</param>
    /// <exception cref="QueueEmptyException">No item within the timeout.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout.</exception>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public T Get(TimeSpan? timeout = null)
    {
        ValidateTimeout(timeout);
        if (!TakeCore(timeout, out var item))
        {
            throw new QueueEmptyException($"The {Kind} stayed empty for {timeout}.");
        }

        return item;
    }

    /// <summary>Removes the next item if one arrives within <paramref name="timeout"/>.</summary>
    /// <returns>False when the queue stayed empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout.</exception>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public bool TryGet(out T item, TimeSpan timeout = default)
    {
        ValidateTimeout(timeout);
        return TakeCore(timeout, out item);
    }

    /// <summary>Removes and returns the next item, waiting as long as needed.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public async ValueTask<T> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Local is { } core)
        {
            if (!core.TryTake(null, cancellationToken, out var item, out var waiter))
            {
                item = await waiter!.Task.ConfigureAwait(false);
            }

            return Read(item);
        }

        FlushPuts();
        return await Inbox.TakeAsync<T>(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>No more puts through this handle (other handles of the queue are not affected).</summary>
    public void Close() => _closed = true;

    /// <summary>Sends this process's buffered puts now (calls that must see them come after).</summary>
    private protected void FlushPuts()
    {
        // A lookup only when this process has created put buffers since the last one (puts through any handle create them).
        if (_putBuffer is null)
        {
            int created = PutBuffer.Created;
            if (created == _putBuffersSeen)
            {
                return;
            }

            _putBuffer = PutBuffer.Find(_owner);
            _putBuffersSeen = created;
        }

        _putBuffer?.Flush();
    }

    /// <summary>The inbox of this process for the queue if it has taken from it, else null.</summary>
    private protected QueueInbox? ExistingInbox => _inbox ??= QueueInbox.Find(_owner);

    private static void ValidateTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && t < TimeSpan.Zero && t != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), t, "The timeout must not be negative.");
        }
    }

    private static T Read(QueueItem item)
    {
        var runtime = ProcessRuntime.Get();
        return runtime.Serializer.Deserialize<T>(item.Bytes, runtime.System);
    }

    private bool TakeCore(TimeSpan? timeout, out T value)
    {
        if (Local is { } core)
        {
            var wait = timeout == Timeout.InfiniteTimeSpan ? null : timeout;
            if (!core.TryTake(wait, CancellationToken.None, out var item, out var waiter))
            {
                if (waiter is null)
                {
                    value = default!;
                    return false;
                }

                item = waiter.Task.GetAwaiter().GetResult();
                if (item.Buffer is null)
                {
                    value = default!;
                    return false;
                }
            }

            value = Read(item);
            return true;
        }

        FlushPuts();
        return Inbox.TryTake(timeout == Timeout.InfiniteTimeSpan ? null : timeout, CancellationToken.None, out value);
    }

    private void CheckPut(TimeSpan timeout)
    {
        if (_closed)
        {
            throw new InvalidOperationException($"This {Kind} handle was closed; no more puts through it.");
        }

        ValidateTimeout(timeout);
        if (Local is null && OwnerGone.IsCancellationRequested)
        {
            throw OwnerCall.Gone(_owner, Kind);
        }
    }

    private bool PutCore(T item, TimeSpan timeout)
    {
        CheckPut(timeout);
        if (Local is { } core)
        {
            var queued = SerializeLocal(item);
            if (_maxsize == 0)
            {
                core.Add(queued);
                return true;
            }

            if (core.TryAdd(queued, timeout == Timeout.InfiniteTimeSpan ? null : timeout, CancellationToken.None, out var waiter))
            {
                return true;
            }

            return waiter is not null && waiter.Task.GetAwaiter().GetResult();
        }

        if (_maxsize == 0)
        {
            PutRemote(item);
            return true;
        }

        try
        {
            return PutBufferHere.TryPut(ProcessRuntime.Get().Serializer, item, timeout == Timeout.InfiniteTimeSpan ? null : timeout);
        }
        catch (SerializationException e)
        {
            throw CannotPut(e);
        }
    }

    private QueueItem SerializeLocal(T item)
    {
        try
        {
            return ItemArena.Serialize(ProcessRuntime.Get().Serializer, item);
        }
        catch (SerializationException e)
        {
            throw CannotPut(e);
        }
    }

    private void PutRemote(T item)
    {
        try
        {
            PutBufferHere.Add(ProcessRuntime.Get().Serializer, item);
        }
        catch (SerializationException e)
        {
            throw CannotPut(e);
        }
    }

    private ArgumentException CannotPut(SerializationException e) =>
        new($"The item cannot be put on the {Kind}: {e.Message}", "item", e);
}
