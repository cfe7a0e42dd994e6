using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>
/// The actor that owns a queue, in the process that created it: it applies to the queue's <see cref="QueueCore"/>
/// what handles in other processes send (batches of puts, credit asks of producers of a bounded queue, demand and
/// acknowledgements of consumer processes, counts, joins), and death-watches every consumer and producer process
/// so that the items a dead consumer held go back to the queue and the space reserved for a dead producer is free
/// again. Handles in this process use the core directly.
/// </summary>
internal sealed class QueueOwner : ReceiveActor
{
    private readonly QueueCore _core;

    /// <summary>The owner of <paramref name="core"/>.</summary>
    public QueueOwner(QueueCore core)
    {
        _core = core;
        Receive<QueuePutBatch>(batch => _core.AddBatch(batch.Data, batch.Ends, batch.Producer));
        Receive<QueueCreditAsk>(ask => _core.AskCredits(ProducerOf(ask.Producer), ask.Want));
        Receive<QueueCreditCancel>(cancel => _core.CancelCredits(ProducerOf(cancel.Producer)));
        Receive<QueueCreditReturn>(back => _core.ReturnCredits(ProducerOf(back.Producer), back.Count));
        Receive<QueueSubscribe>(subscribe =>
            subscribe.Inbox.Tell(new QueueSubscribed(ConsumerOf(subscribe.Inbox, subscribe.CountersPath, subscribe.Token).Counters is not null), ActorRefs.NoSender));
        Receive<QueueDemand>(demand => _core.Demand(ConsumerOf(demand.Inbox), demand.Count, demand.Returned, demand.Done));
        Receive<QueueAck>(ack => _core.Ack(ConsumerOf(ack.Inbox), ack.Returned, ack.Done));
        Receive<QueueGiveBack>(back => _core.GiveBack(ConsumerOf(back.Inbox), back.Count, back.Returned, back.Done));
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

    private RemoteConsumer ConsumerOf(IActorRef inbox, string? countersPath = null, byte[]? token = null)
    {
        var consumer = _core.Consumer(inbox, countersPath, token, out bool added);
        if (added && consumer.Watch is not null)
        {
            Context.Watch(consumer.Watch);
        }

        return consumer;
    }

    private RemoteProducer ProducerOf(IActorRef producer)
    {
        var known = _core.Producer(producer, out bool added);
        if (added && known.Watch is not null)
        {
            Context.Watch(known.Watch);
        }

        return known;
    }
}
