using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>
/// The actor that owns a queue's items, in the process that created the queue. Consumers are the per-process
/// inboxes (<see cref="QueueInbox"/>): each asks for a number of items (its demand) and the owner delivers in
/// FIFO order. Items delivered to a process stay recorded as in flight until that process acknowledges them
/// (a <c>Get</c> returned them; for a JoinableQueue, until <c>TaskDone</c>); when a consumer process dies, its
/// in-flight items go back to the front of the queue for the others.
/// </summary>
internal sealed class QueueOwner : ReceiveActor
{
    private readonly int _maxsize;
    private readonly bool _joinable;
    private readonly LinkedList<byte[]> _items = new();
    private readonly Dictionary<IActorRef, Consumer> _consumers = [];
    private readonly List<IActorRef> _consumerOrder = [];
    private readonly LinkedList<PendingPut> _puts = new();
    private readonly List<IActorRef> _joiners = [];
    private int _prefetched;
    private long _unfinished;
    private int _nextConsumer;

    public QueueOwner(int maxsize, bool joinable)
    {
        _maxsize = maxsize;
        _joinable = joinable;
        Receive<QueuePut>(put => Add(put.Item));
        Receive<QueuePutBatch>(batch =>
        {
            foreach (var item in batch.Items)
            {
                _items.AddLast(item);
            }

            _unfinished += batch.Items.Length;
            Dispatch();
        });
        Receive<QueuePutWait>(OnPutWait);
        Receive<PutTimedOut>(OnPutTimedOut);
        Receive<QueueDemand>(OnDemand);
        Receive<QueueTryTake>(OnTryTake);
        Receive<QueueAck>(ack => OnAck(ack.Inbox, ack.Count));
        Receive<QueueTaskDone>(OnTaskDone);
        Receive<QueueCount>(_ => Sender.Tell(_items.Count));
        Receive<QueueJoin>(_ =>
        {
            if (_unfinished == 0)
            {
                Sender.Tell(true);
            }
            else
            {
                _joiners.Add(Sender);
            }
        });
        Receive<Terminated>(OnProcessEnded);
    }

    private bool HasSpace => _maxsize <= 0 || _items.Count + _prefetched < _maxsize;

    private void Add(byte[] item)
    {
        _items.AddLast(item);
        _unfinished++;
        Dispatch();
    }

    private void OnPutWait(QueuePutWait put)
    {
        if (HasSpace && _puts.Count == 0)
        {
            Add(put.Item);
            Sender.Tell(new QueuePutResult(true));
            return;
        }

        if (put.TimeoutMs == 0)
        {
            Sender.Tell(new QueuePutResult(false));
            return;
        }

        var pending = new PendingPut(put.Item, Sender);
        var node = _puts.AddLast(pending);
        if (put.TimeoutMs > 0)
        {
            pending.Timer = Context.System.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(put.TimeoutMs), Self, new PutTimedOut(node), Self);
        }
    }

    private void OnPutTimedOut(PutTimedOut timedOut)
    {
        if (timedOut.Node.List is not null)
        {
            _puts.Remove(timedOut.Node);
            timedOut.Node.Value.ReplyTo.Tell(new QueuePutResult(false));
        }
    }

    private void AdmitPuts()
    {
        while (_puts.First is { } first && HasSpace)
        {
            _puts.RemoveFirst();
            first.Value.Timer?.Cancel();
            Add(first.Value.Item);
            first.Value.ReplyTo.Tell(new QueuePutResult(true));
        }
    }

    private void OnDemand(QueueDemand demand)
    {
        var consumer = ConsumerFor(demand.Inbox);
        if (demand.Acked > 0)
        {
            Acknowledge(consumer, demand.Acked);
        }

        consumer.Demand += demand.Count;
        Dispatch();
        AdmitPuts();
    }

    private void OnTryTake(QueueTryTake take)
    {
        var consumer = ConsumerFor(take.Inbox);
        if (_items.First is { } first)
        {
            _items.RemoveFirst();
            consumer.Prefetched.AddLast(first.Value);
            _prefetched++;
            Sender.Tell(new QueueDeliver([first.Value]));
        }
        else
        {
            Sender.Tell(new QueueDeliver([]));
        }
    }

    private void OnAck(IActorRef inbox, int count)
    {
        if (_consumers.TryGetValue(inbox, out var consumer))
        {
            Acknowledge(consumer, count);
            AdmitPuts();
        }
    }

    // Get returned these items: they leave the queue (a JoinableQueue keeps them until TaskDone, for redelivery).
    private void Acknowledge(Consumer consumer, int count)
    {
        for (int i = 0; i < count && consumer.Prefetched.First is { } first; i++)
        {
            consumer.Prefetched.RemoveFirst();
            _prefetched--;
            if (_joinable)
            {
                consumer.Taken.AddLast(first.Value);
            }
        }
    }

    private void OnTaskDone(QueueTaskDone done)
    {
        if (_consumers.TryGetValue(done.Inbox, out var consumer))
        {
            for (int i = 0; i < done.Count && consumer.Taken.First is not null; i++)
            {
                consumer.Taken.RemoveFirst();
            }
        }

        _unfinished = Math.Max(0, _unfinished - done.Count);
        if (_unfinished == 0)
        {
            foreach (var joiner in _joiners)
            {
                joiner.Tell(true);
            }

            _joiners.Clear();
        }
    }

    private Consumer ConsumerFor(IActorRef inbox)
    {
        if (_consumers.TryGetValue(inbox, out var consumer))
        {
            return consumer;
        }

        consumer = new Consumer(inbox, ProcessLiveness.WatchTarget(ProcessLiveness.ProcessOf(inbox)));
        _consumers[inbox] = consumer;
        _consumerOrder.Add(inbox);
        if (consumer.Watch is not null)
        {
            Context.Watch(consumer.Watch);
        }

        return consumer;
    }

    // Round-robin over consumers with demand, each getting up to its demand in one batch, FIFO overall.
    private void Dispatch()
    {
        if (_items.Count == 0 || _consumerOrder.Count == 0)
        {
            return;
        }

        int start = _nextConsumer % _consumerOrder.Count;
        for (int step = 0; step < _consumerOrder.Count && _items.Count > 0; step++)
        {
            var consumer = _consumers[_consumerOrder[(start + step) % _consumerOrder.Count]];
            if (consumer.Demand <= 0)
            {
                continue;
            }

            int count = Math.Min(consumer.Demand, _items.Count);
            var batch = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                batch[i] = _items.First!.Value;
                _items.RemoveFirst();
                consumer.Prefetched.AddLast(batch[i]);
            }

            _prefetched += count;
            consumer.Demand -= count;
            consumer.Inbox.Tell(new QueueDeliver(batch), Self);
            _nextConsumer = (start + step + 1) % _consumerOrder.Count;
        }
    }

    // A consumer process died: what it held (not yet returned by Get, or not yet TaskDone) is delivered again.
    private void OnProcessEnded(Terminated terminated)
    {
        foreach (var consumer in _consumers.Values.Where(c => terminated.ActorRef.Equals(c.Watch)).ToList())
        {
            var node = _items.First;
            foreach (var item in consumer.Taken.Concat(consumer.Prefetched))
            {
                if (node is null)
                {
                    _items.AddLast(item);
                }
                else
                {
                    _items.AddBefore(node, item);
                }
            }

            _prefetched -= consumer.Prefetched.Count;
            _consumers.Remove(consumer.Inbox);
            _consumerOrder.Remove(consumer.Inbox);
        }

        Dispatch();
    }

    private sealed class Consumer(IActorRef inbox, IActorRef? watch)
    {
        public IActorRef Inbox { get; } = inbox;

        public IActorRef? Watch { get; } = watch;

        public int Demand { get; set; }

        public LinkedList<byte[]> Prefetched { get; } = new();

        public LinkedList<byte[]> Taken { get; } = new();
    }

    private sealed class PendingPut(byte[] item, IActorRef replyTo)
    {
        public byte[] Item { get; } = item;

        public IActorRef ReplyTo { get; } = replyTo;

        public ICancelable? Timer { get; set; }
    }

    private sealed record PutTimedOut(LinkedListNode<PendingPut> Node);
}
