using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>
/// The actor that owns a queue, in the process that created it: it applies to the queue's <see cref="QueueCore"/>
/// what handles in other processes send (batches of puts, bounded puts, demand and acknowledgements of consumer
/// processes, counts, joins), and death-watches every consumer process so that the items a dead one held go back
/// to the queue. Handles in this process use the core directly.
/// </summary>
internal sealed class QueueOwner : ReceiveActor
{
    private readonly QueueCore _core;

    /// <summary>The owner of <paramref name="core"/>.</summary>
    public QueueOwner(QueueCore core)
    {
        _core = core;
        Receive<QueuePutBatch>(batch => _core.AddBatch(batch.Data, batch.Ends));
        Receive<QueuePutWait>(OnPutWait);
        Receive<QueueSubscribe>(subscribe =>
            subscribe.Inbox.Tell(new QueueSubscribed(ConsumerOf(subscribe.Inbox, subscribe.CountersPath, subscribe.Token).Counters is not null), ActorRefs.NoSender));
        Receive<QueueDemand>(demand => _core.Demand(ConsumerOf(demand.Inbox), demand.Count, demand.Returned, demand.Done));
        Receive<QueueAck>(ack => _core.Ack(ConsumerOf(ack.Inbox), ack.Returned, ack.Done));
        Receive<QueueTryTake>(take => _core.TryTakeFor(ConsumerOf(take.Inbox), take.Id));
        Receive<QueueCount>(_ => Sender.Tell(_core.Count));
        Receive<QueueJoin>(_ =>
        {
            var replyTo = Sender;
            var joined = _core.JoinAsync();
            if (joined.IsCompleted)
            {
                replyTo.Tell(true);
            }
            else
            {
                joined.ContinueWith(static (_, r) => ((IActorRef)r!).Tell(true), replyTo, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        });
        Receive<Terminated>(terminated => _core.ProcessGone(terminated.ActorRef));
    }

    private void OnPutWait(QueuePutWait put)
    {
        var replyTo = Sender;
        var timeout = put.TimeoutMs < 0 ? (TimeSpan?)null : TimeSpan.FromMilliseconds(put.TimeoutMs);
        bool added = _core.TryAdd(new QueueItem(put.Item, 0, put.Item.Length), timeout, CancellationToken.None, out var waiter);
        if (waiter is null)
        {
            replyTo.Tell(new QueuePutResult(added));
            return;
        }

        waiter.Task.ContinueWith(
            static (t, r) => ((IActorRef)r!).Tell(new QueuePutResult(t.Result)),
            replyTo,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private RemoteConsumer ConsumerOf(IActorRef inbox, string? countersPath = null, byte[]? token = null)
    {
        var consumer = _core.Consumer(inbox, countersPath, token, out bool added);
        if (added && consumer.Watch is not null)
        {
            Context.Watch(consumer.Watch);
        }

        return consumer;
    }
}
