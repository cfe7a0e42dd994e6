namespace ActorProc.Actors;

/// <summary>What an actor can do and see while it processes a message: its refs, children, watches and behavior.</summary>
public interface IActorContext : IActorRefFactory
{
    /// <summary>This actor's ref.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being processed (dead letters when there is none).</summary>
    IActorRef Sender { get; }

    /// <summary>The parent (supervisor).</summary>
    IActorRef Parent { get; }

    /// <summary>The actor system.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>The current receive timeout, or null when none is set.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>The live children.</summary>
    IEnumerable<IActorRef> GetChildren();

    /// <summary>The child with this name, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>Watches an actor: one <see cref="Terminated"/> arrives when it stops (at once if it is already dead).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Watches an actor and delivers <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; a <see cref="Terminated"/> not yet processed is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Stops a child (or this actor) asynchronously: it finishes its current message, stops its children, then itself.</summary>
    void Stop(IActorRef child);

    /// <summary>Replaces the current behavior.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behavior, keeping the old one for <see cref="UnbecomeStacked"/>.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Returns to the previous behavior.</summary>
    void UnbecomeStacked();

    /// <summary>Returns to the previous behavior (same as <see cref="UnbecomeStacked"/>).</summary>
    void Unbecome();

    /// <summary>Sets (or with null clears) the receive timeout: after this long without a message the actor gets <see cref="Actors.ReceiveTimeout"/>.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);
}
