using System.Collections.Concurrent;
using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>
/// The authoritative state of one queue, in the process that created it. Handles of that process put and take
/// here directly (no message, no actor); the <see cref="QueueOwner"/> actor applies here what handles in other
/// processes send. Thread-safe: everything runs under one gate.
/// </summary>
/// <remarks>
/// Other processes consume through their inbox (<see cref="QueueInbox"/>): it asks for a number of items (its
/// demand) and the core delivers up to that many in one message, in FIFO order. Delivered items stay recorded
/// for that consumer until it acknowledges that gets returned them (for a JoinableQueue, until they are also
/// marked done); when its process dies, the items not returned (not done) go back to the front of the queue.
/// Local gets waiting for an item are served first, then consumers with demand, round-robin.
/// </remarks>
internal sealed class QueueCore
{
    /// <summary>The most bytes of items in one delivery (at least one item whatever its size).</summary>
    public const int MaxDeliveryBytes = 1 << 20;

    private static readonly ConcurrentDictionary<IActorRef, QueueCore> Cores = new();

    private readonly object _gate = new();
    private readonly int _maxsize;
    private readonly bool _joinable;
    private readonly ItemRing _items = new();
    private readonly LinkedList<QueueWaiter<QueueItem>> _getters = new();
    private readonly LinkedList<QueueWaiter<bool>> _putters = new();
    private readonly List<TaskCompletionSource> _joiners = [];
    private readonly Dictionary<IActorRef, RemoteConsumer> _consumers = [];
    private readonly List<RemoteConsumer> _order = [];
    private readonly Dictionary<IActorRef, RemoteProducer> _producers = [];
    private readonly LinkedList<RemoteProducer> _askers = new();
    private int _next;
    private int _delivered;
    private long _reserved;
    private long _tickets;
    private long _unfinished;
    private long _localTaken;
    private long _localDone;

    /// <summary>A queue holding at most <paramref name="maxsize"/> items (0: unbounded).</summary>
    public QueueCore(int maxsize, bool joinable)
    {
        _maxsize = maxsize;
        _joinable = joinable;
    }

    /// <summary>The number of items waiting in the queue (not those delivered to consumer processes).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    // Items delivered to other processes and not yet returned by their gets still take space, and so does the
    // space reserved for producer processes (their credits).
    private long Free => _maxsize - (_items.Count + _delivered + _reserved);

    private bool HasSpace => _maxsize <= 0 || Free > 0;

    /// <summary>The core of the queue whose owner actor is <paramref name="owner"/> when it was created in this process.</summary>
    public static QueueCore? Find(IActorRef owner) => Cores.GetValueOrDefault(owner);

    /// <summary>Makes the core findable from its owner actor's ref (handles that come back to this process).</summary>
    public void Register(IActorRef owner) => Cores[owner] = this;

    /// <summary>Adds an item to an unbounded queue.</summary>
    public void Add(QueueItem item)
    {
        lock (_gate)
        {
            _items.AddLast(item);
            _unfinished++;
            Pump();
        }
    }

    /// <summary>Adds a producer process's batch (see <see cref="QueuePutBatch"/>), in order; on a bounded queue the items use the space reserved for <paramref name="producer"/>.</summary>
    public void AddBatch(byte[] data, int[] ends, IActorRef? producer)
    {
        lock (_gate)
        {
            if (producer is not null && _producers.TryGetValue(producer, out var p))
            {
                long used = Math.Min(p.Reserved, ends.Length);
                p.Reserved -= used;
                _reserved -= used;
            }

            QueueItem.Slice(data, ends, _items);
            _unfinished += ends.Length;
            Pump();
        }
    }

    /// <summary>
    /// Adds an item to a bounded queue if there is space (and no earlier put waits); otherwise, unless
    /// <paramref name="timeout"/> is zero, returns a <paramref name="waiter"/> that completes with true once the
    /// item went in, false when the timeout passed first.
    /// </summary>
    public bool TryAdd(QueueItem item, TimeSpan? timeout, CancellationToken cancellationToken, out QueueWaiter<bool>? waiter)
    {
        lock (_gate)
        {
            waiter = null;
            if (HasSpace && _putters.Count == 0 && _askers.Count == 0)
            {
                _items.AddLast(item);
                _unfinished++;
                Pump();
                return true;
            }

            if (timeout == TimeSpan.Zero)
            {
                // Space held unused by producer processes comes back for the next try.
                Recall();
                return false;
            }

            waiter = new QueueWaiter<bool>(_gate, false, item) { Ticket = ++_tickets };
            waiter.Enqueue(_putters, timeout, cancellationToken);
            Recall();
            return false;
        }
    }

    /// <summary>
    /// Takes the next item for a get of this process; when there is none, unless <paramref name="timeout"/> is zero,
    /// returns a <paramref name="waiter"/> that completes with the item, or with an empty item (null buffer) when the
    /// timeout passed first.
    /// </summary>
    public bool TryTake(TimeSpan? timeout, CancellationToken cancellationToken, out QueueItem item, out QueueWaiter<QueueItem>? waiter)
    {
        lock (_gate)
        {
            waiter = null;
            if (_items.Count > 0)
            {
                item = TakeLocal();
                return true;
            }

            item = default;
            if (timeout != TimeSpan.Zero)
            {
                waiter = new QueueWaiter<QueueItem>(_gate, default);
                waiter.Enqueue(_getters, timeout, cancellationToken);
            }

            return false;
        }
    }

    /// <summary>JoinableQueue: one item taken by this process is done.</summary>
    /// <exception cref="InvalidOperationException">More calls than items this process took.</exception>
    public void TaskDone(string what)
    {
        lock (_gate)
        {
            if (_localDone >= _localTaken)
            {
                throw new InvalidOperationException($"TaskDone was called more times than items were taken from this {what} in this process.");
            }

            _localDone++;
            Finished(1);
        }
    }

    /// <summary>Completes once every item put has been marked done.</summary>
    public Task JoinAsync()
    {
        lock (_gate)
        {
            if (_unfinished == 0)
            {
                return Task.CompletedTask;
            }

            var joiner = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _joiners.Add(joiner);
            return joiner.Task;
        }
    }

    /// <summary>
    /// The consumer behind <paramref name="inbox"/>, recorded now if new (<paramref name="added"/>: the caller watches
    /// its process), with its shared counters when it names them and they can be mapped here.
    /// </summary>
    public RemoteConsumer Consumer(IActorRef inbox, string? countersPath, byte[]? token, out bool added)
    {
        lock (_gate)
        {
            added = !_consumers.TryGetValue(inbox, out var consumer);
            if (consumer is null)
            {
                var watch = Handles.ProcessLiveness.WatchTarget(Handles.ProcessLiveness.ProcessOf(inbox));
                var counters = countersPath is null || token is null ? null : ConsumerCounters.Open(countersPath, token);
                consumer = new RemoteConsumer(inbox, watch, counters);
                _consumers[inbox] = consumer;
                _order.Add(consumer);
            }

            return consumer;
        }
    }

    /// <summary>A consumer asks for <paramref name="count"/> more items and acknowledges what its gets returned and marked done.</summary>
    public void Demand(RemoteConsumer consumer, int count, int returned, int done)
    {
        lock (_gate)
        {
            if (!_consumers.ContainsKey(consumer.Inbox))
            {
                return;
            }

            Acknowledge(consumer, returned, done);
            consumer.Demand += count;
            Pump();
        }
    }

    /// <summary>A consumer acknowledges what its gets returned and marked done.</summary>
    public void Ack(RemoteConsumer consumer, int returned, int done)
    {
        lock (_gate)
        {
            if (_consumers.ContainsKey(consumer.Inbox))
            {
                Acknowledge(consumer, returned, done);
                Pump();
            }
        }
    }

    /// <summary>
    /// An idle consumer gives back the <paramref name="count"/> oldest items delivered to it that no get returned (after
    /// acknowledging <paramref name="returned"/> and <paramref name="done"/> more) and cancels its demand: the items go
    /// back to the front of the queue, in order, for the gets that wait.
    /// </summary>
    public void GiveBack(RemoteConsumer consumer, int count, int returned, int done)
    {
        lock (_gate)
        {
            if (!_consumers.ContainsKey(consumer.Inbox))
            {
                return;
            }

            Acknowledge(consumer, returned, done);
            int k = Math.Min(count, consumer.Delivered.Count);
            var back = new ItemRing();
            for (int i = 0; i < k; i++)
            {
                back.AddLast(consumer.Delivered.RemoveFirst());
            }

            _items.MoveToFront(back);
            _delivered -= k;
            consumer.Demand = 0;
            Pump();
        }
    }

    /// <summary>A non-blocking get of a consumer: deliver it one item now if there is one, and answer <paramref name="id"/> either way.</summary>
    public void TryTakeFor(RemoteConsumer consumer, long id)
    {
        lock (_gate)
        {
            if (_items.Count > 0 && _consumers.ContainsKey(consumer.Inbox))
            {
                Deliver(consumer, 1, id);
            }
            else
            {
                consumer.Inbox.Tell(new QueueDeliver([], [], id), ActorRefs.NoSender);
            }
        }
    }

    /// <summary>The producer process behind <paramref name="producer"/>, recorded now if new (<paramref name="added"/>: the caller watches its process).</summary>
    public RemoteProducer Producer(IActorRef producer, out bool added)
    {
        lock (_gate)
        {
            added = !_producers.TryGetValue(producer, out var known);
            if (known is null)
            {
                known = new RemoteProducer(producer, Handles.ProcessLiveness.WatchTarget(Handles.ProcessLiveness.ProcessOf(producer)));
                _producers[producer] = known;
            }

            return known;
        }
    }

    /// <summary>A producer asks for space for up to <paramref name="want"/> items; it gets credits once there is space, in turn with waiting puts.</summary>
    public void AskCredits(RemoteProducer producer, int want)
    {
        lock (_gate)
        {
            if (!_producers.ContainsKey(producer.Ref))
            {
                return;
            }

            producer.Recalled = false;
            producer.Wanted = Math.Max(1, want);
            if (producer.Node is null)
            {
                producer.Ticket = ++_tickets;
                producer.Node = _askers.AddLast(producer);
            }

            Pump();
        }
    }

    /// <summary>The producer no longer waits for space.</summary>
    public void CancelCredits(RemoteProducer producer)
    {
        lock (_gate)
        {
            DropAsk(producer);
        }
    }

    /// <summary>The producer gives back <paramref name="count"/> unused credits (after the items that used the others).</summary>
    public void ReturnCredits(RemoteProducer producer, int count)
    {
        lock (_gate)
        {
            long back = Math.Min(producer.Reserved, count);
            producer.Reserved -= back;
            _reserved -= back;
            producer.Recalled = false;
            Pump();
        }
    }

    /// <summary>
    /// The process behind <paramref name="watch"/> died: what its consumer held and its gets had not returned (for
    /// a JoinableQueue: had not marked done) goes back to the front of the queue, in order. Its shared counters,
    /// when the owner mapped them, say exactly how many items its gets returned, acknowledged or not. The space
    /// reserved for it as a producer is free again.
    /// </summary>
    public void ProcessGone(IActorRef watch)
    {
        lock (_gate)
        {
            for (int i = _order.Count - 1; i >= 0; i--)
            {
                var consumer = _order[i];
                if (!watch.Equals(consumer.Watch))
                {
                    continue;
                }

                if (consumer.Counters is { } counters)
                {
                    Acknowledge(consumer, Math.Max(0, counters.Returned - consumer.Returned), Math.Max(0, counters.Done - consumer.Done));
                    counters.Dispose();
                }

                _delivered -= consumer.Delivered.Count;
                _items.MoveToFront(consumer.Delivered);
                _items.MoveToFront(consumer.Taken);
                _consumers.Remove(consumer.Inbox);
                _order.RemoveAt(i);
            }

            // The space reserved for a dead producer is free again (the items it sent before it died arrived before this).
            foreach (var producer in _producers.Values.Where(p => watch.Equals(p.Watch)).ToList())
            {
                DropAsk(producer);
                _reserved -= producer.Reserved;
                _producers.Remove(producer.Ref);
            }

            Pump();
        }
    }

    private QueueItem TakeLocal()
    {
        var item = _items.RemoveFirst();
        if (_joinable)
        {
            _localTaken++;
        }

        if (_putters.Count > 0 || _askers.Count > 0)
        {
            Pump();
        }

        return item;
    }

    // Serves waiting local gets, admits waiting puts and grants waiting producers' asks in turn while there is
    // space, asks producers holding credits to give back what they do not use while anything still waits for
    // space, then delivers to consumer processes.
    private void Pump()
    {
        bool moved = true;
        while (moved)
        {
            moved = false;
            while (_getters.First is { } getter && _items.Count > 0)
            {
                var item = _items.RemoveFirst();
                if (_joinable)
                {
                    _localTaken++;
                }

                getter.Value.Complete(item);
                moved = true;
            }

            while (HasSpace && (_putters.First is not null || _askers.First is not null))
            {
                var putter = _putters.First;
                var asker = _askers.First;
                if (asker is null || (putter is not null && putter.Value.Ticket < asker.Value.Ticket))
                {
                    _items.AddLast(putter!.Value.Item);
                    _unfinished++;
                    putter.Value.Complete(true);
                    moved = true;
                }
                else
                {
                    var producer = asker.Value;
                    int granted = (int)Math.Min(producer.Wanted, Free);
                    DropAsk(producer);
                    producer.Reserved += granted;
                    _reserved += granted;
                    producer.Ref.Tell(new QueueCredits(granted), ActorRefs.NoSender);
                }
            }
        }

        if (_putters.Count > 0 || _askers.Count > 0)
        {
            Recall();
        }

        DeliverToConsumers();
    }

    // While puts wait for space (or one found none), producers that may hold unused credits are asked (once) to give them back.
    private void Recall()
    {
        if (_reserved == 0)
        {
            return;
        }

        foreach (var producer in _producers.Values)
        {
            if (producer.Reserved > 0 && !producer.Recalled && producer.Node is null)
            {
                producer.Recalled = true;
                producer.Ref.Tell(new QueueCreditRecall(), ActorRefs.NoSender);
            }
        }
    }

    private void DropAsk(RemoteProducer producer)
    {
        if (producer.Node is { List: { } list } node)
        {
            list.Remove(node);
        }

        producer.Node = null;
        producer.Wanted = 0;
    }

    // Round-robin over consumers with demand, each getting up to its demand, FIFO overall.
    private void DeliverToConsumers()
    {
        if (_items.Count == 0 || _order.Count == 0)
        {
            return;
        }

        int start = _next % _order.Count;
        for (int step = 0; step < _order.Count && _items.Count > 0; step++)
        {
            var consumer = _order[(start + step) % _order.Count];
            if (consumer.Demand <= 0)
            {
                continue;
            }

            while (consumer.Demand > 0 && _items.Count > 0)
            {
                consumer.Demand -= Deliver(consumer, consumer.Demand, reply: 0);
            }

            _next = (start + step + 1) % _order.Count;
        }
    }

    // Sends up to `count` items (and at most MaxDeliveryBytes unless one item is bigger) in one message; returns how many.
    private int Deliver(RemoteConsumer consumer, int count, long reply)
    {
        count = Math.Min(count, _items.Count);
        int bytes = 0, n = 0;
        while (n < count && (n == 0 || bytes + _items[n].Length <= MaxDeliveryBytes))
        {
            bytes += _items[n].Length;
            n++;
        }

        var data = new byte[bytes];
        var ends = new int[n];
        int pos = 0;
        for (int i = 0; i < n; i++)
        {
            var item = _items.RemoveFirst();
            Buffer.BlockCopy(item.Buffer, item.Offset, data, pos, item.Length);
            consumer.Delivered.AddLast(new QueueItem(data, pos, item.Length));
            pos += item.Length;
            ends[i] = pos;
        }

        _delivered += n;
        consumer.Inbox.Tell(new QueueDeliver(data, ends, reply), ActorRefs.NoSender);
        return n;
    }

    // Gets of the consumer returned `returned` more of its items (they leave the queue; a JoinableQueue keeps them
    // until done) and `done` more were marked done.
    private void Acknowledge(RemoteConsumer consumer, long returned, long done)
    {
        int r = (int)Math.Min(returned, consumer.Delivered.Count);
        for (int i = 0; i < r; i++)
        {
            var item = consumer.Delivered.RemoveFirst();
            if (_joinable)
            {
                consumer.Taken.AddLast(item);
            }
        }

        _delivered -= r;
        consumer.Returned += r;
        int d = (int)Math.Min(done, consumer.Taken.Count);
        for (int i = 0; i < d; i++)
        {
            consumer.Taken.RemoveFirst();
        }

        consumer.Done += d;
        Finished(d);
    }

    private void Finished(int count)
    {
        if (count == 0)
        {
            return;
        }

        _unfinished = Math.Max(0, _unfinished - count);
        if (_unfinished == 0)
        {
            foreach (var joiner in _joiners)
            {
                joiner.TrySetResult();
            }

            _joiners.Clear();
        }
    }
}
