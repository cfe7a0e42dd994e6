using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>What the owner of a bounded queue knows of one producer process: the space reserved for it (its credits).</summary>
internal sealed class RemoteProducer(IActorRef producer, IActorRef? watch)
{
    /// <summary>The producer's actor (credits and recalls go there).</summary>
    public IActorRef Ref { get; } = producer;

    /// <summary>What to death-watch for the end of its process (null: this process).</summary>
    public IActorRef? Watch { get; } = watch;

    /// <summary>Credits granted and neither used by an item that arrived nor given back: space the queue keeps for it.</summary>
    public long Reserved { get; set; }

    /// <summary>How many credits its pending ask wants (0: no ask pending).</summary>
    public int Wanted { get; set; }

    /// <summary>Its turn among the puts waiting for space.</summary>
    public long Ticket { get; set; }

    /// <summary>Where its pending ask waits.</summary>
    public LinkedListNode<RemoteProducer>? Node { get; set; }

    /// <summary>A recall was sent and not yet answered.</summary>
    public bool Recalled { get; set; }
}
