using System.Collections.Concurrent;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>
/// The consuming side of one queue in one process, shared by every handle of that queue here. It keeps a small
/// adaptive prefetch window: a consumer that finds nothing buffered doubles its window (up to
/// <see cref="MaxWindow"/>), one that finds half a window buffered halves it, so a fast consumer streams while
/// a slow one holds few items the others could have taken.
/// </summary>
internal sealed class QueueInbox
{
    /// <summary>The largest number of items a process asks for ahead of its gets.</summary>
    public const int MaxWindow = 64;


    private static readonly ConcurrentDictionary<IActorRef, QueueInbox> Inboxes = new();

    private readonly IActorRef _owner;
    private readonly ConcurrentQueue<byte[]> _buffer = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly object _gate = new();
    private readonly string _what;
    private IActorRef _self = null!;
    private int _outstanding;
    private int _window = 1;
    private long _taken;
    private long _done;
    private int _unacked;

    private QueueInbox(IActorRef owner, string what)
    {
        _owner = owner;
        _what = what;
    }

    /// <summary>Items buffered here, not yet returned by a get.</summary>
    public int Buffered => _buffer.Count;

    /// <summary>The inbox of <paramref name="owner"/>'s queue in this process.</summary>
    public static QueueInbox For(IActorRef owner, string what) => Inboxes.GetOrAdd(owner, static (o, w) =>
    {
        var inbox = new QueueInbox(o, w);
        inbox._self = ProcessRuntime.Get().System.SystemActorOf(Props.Create(() => new InboxActor(inbox)));
        return inbox;
    }, what);

    /// <summary>Takes the next item, waiting up to <paramref name="timeout"/> (null: for ever); false on timeout.</summary>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public bool TryTake(TimeSpan? timeout, CancellationToken cancellationToken, out byte[] item)
    {
        if (TryTakeBuffered(out item))
        {
            return true;
        }

        if (timeout == TimeSpan.Zero)
        {
            return TryTakeNow(out item);
        }

        RequestMore(buffered: false);
        var gone = ProcessRuntime.Get().Owners.GoneToken(_owner);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(gone, cancellationToken);
        var deadline = timeout is { } t ? Environment.TickCount64 + (long)t.TotalMilliseconds : long.MaxValue;
        while (true)
        {
            long left = deadline - Environment.TickCount64;
            bool signalled;
            try
            {
                signalled = _available.Wait(timeout is null ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(Math.Max(0, left)), linked.Token);
            }
            catch (OperationCanceledException) when (gone.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw OwnerCall.Gone(_owner, _what);
            }

            if (!signalled)
            {
                item = [];
                return false;
            }

            if (_buffer.TryDequeue(out item!))
            {
                Taken();
                return true;
            }
        }
    }

    /// <summary>Takes the next item asynchronously.</summary>
    public async ValueTask<byte[]> TakeAsync(CancellationToken cancellationToken)
    {
        if (TryTakeBuffered(out var item))
        {
            return item;
        }

        RequestMore(buffered: false);
        var gone = ProcessRuntime.Get().Owners.GoneToken(_owner);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(gone, cancellationToken);
        while (true)
        {
            try
            {
                await _available.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (gone.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw OwnerCall.Gone(_owner, _what);
            }

            if (_buffer.TryDequeue(out item!))
            {
                Taken();
                return item;
            }
        }
    }

    /// <summary>JoinableQueue: one item taken in this process is done.</summary>
    /// <exception cref="InvalidOperationException">More TaskDone calls than items taken here.</exception>
    public void TaskDone()
    {
        lock (_gate)
        {
            if (_done >= Volatile.Read(ref _taken))
            {
                throw new InvalidOperationException($"TaskDone was called more times than items were taken from this {_what} in this process.");
            }

            _done++;
        }

        FlushAcks();
        _owner.Tell(new QueueTaskDone(_self, 1), _self);
    }

    private bool TryTakeBuffered(out byte[] item)
    {
        if (_available.Wait(0))
        {
            if (_buffer.TryDequeue(out item!))
            {
                Taken(demandFollows: true);
                RequestMore(buffered: true);
                return true;
            }
        }

        item = [];
        return false;
    }

    private bool TryTakeNow(out byte[] item)
    {
        var reply = OwnerCall.Ask<QueueDeliver>(_owner, new QueueTryTake(_self), _what);
        if (reply.Items.Length == 0)
        {
            item = [];
            return false;
        }

        item = reply.Items[0];
        Taken();
        return true;
    }

    // Every get is acknowledged at once (a consumer that dies after Get returned an item does not get it again);
    // the acknowledgement rides on the next demand when the get also asks for more.
    private void Taken(bool demandFollows = false)
    {
        Interlocked.Increment(ref _taken);
        Interlocked.Increment(ref _unacked);
        if (!demandFollows)
        {
            FlushAcks();
        }
    }

    private void FlushAcks()
    {
        int acks = Interlocked.Exchange(ref _unacked, 0);
        if (acks > 0)
        {
            _owner.Tell(new QueueAck(_self, acks), _self);
        }
    }

    // Called at each get: grow the window when the get found nothing, shrink it when half a window sits unused.
    private void RequestMore(bool buffered)
    {
        int want;
        lock (_gate)
        {
            int held = _buffer.Count;
            if (!buffered)
            {
                _window = Math.Min(MaxWindow, _window * 2);
            }
            else if (held >= _window / 2 && _window > 1)
            {
                _window /= 2;
            }

            want = _window - (held + _outstanding);
            if (want > 0)
            {
                _outstanding += want;
            }
        }

        if (want <= 0)
        {
            FlushAcks();
            return;
        }

        _owner.Tell(new QueueDemand(_self, want, Interlocked.Exchange(ref _unacked, 0)), _self);
    }

    private void Deliver(byte[][] items)
    {
        lock (_gate)
        {
            _outstanding = Math.Max(0, _outstanding - items.Length);
        }

        foreach (var item in items)
        {
            _buffer.Enqueue(item);
        }

        if (items.Length > 0)
        {
            _available.Release(items.Length);
        }
    }

    private sealed class InboxActor : ReceiveActor
    {
        public InboxActor(QueueInbox inbox) => Receive<QueueDeliver>(deliver => inbox.Deliver(deliver.Items));
    }
}
