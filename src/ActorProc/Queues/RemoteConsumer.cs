using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>What a queue's owner knows of one consumer process (its inbox): demand, and the items it holds.</summary>
internal sealed class RemoteConsumer(IActorRef inbox, IActorRef? watch, ConsumerCounters? counters)
{
    /// <summary>The inbox actor deliveries go to.</summary>
    public IActorRef Inbox { get; } = inbox;

    /// <summary>What to death-watch for the end of its process (null: this process).</summary>
    public IActorRef? Watch { get; } = watch;

    /// <summary>Its shared counters when on this host (exact redelivery), else null.</summary>
    public ConsumerCounters? Counters { get; } = counters;

    /// <summary>Items asked for and not yet delivered.</summary>
    public int Demand { get; set; }

    /// <summary>Delivered, in order, and not yet known returned by a get: they go back to the queue if the process dies.</summary>
    public ItemRing Delivered { get; } = new();

    /// <summary>JoinableQueue: returned by a get and not yet marked done: they go back to the queue if the process dies.</summary>
    public ItemRing Taken { get; } = new();

    /// <summary>How many of its items the owner knows returned (acknowledged).</summary>
    public long Returned { get; set; }

    /// <summary>How many of its items the owner knows done (JoinableQueue).</summary>
    public long Done { get; set; }
}
