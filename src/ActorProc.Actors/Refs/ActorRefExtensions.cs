namespace ActorProc.Actors;

/// <summary>Conveniences on <see cref="IActorRef"/>: telling with the implicit sender and forwarding.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Sends a message with the current actor as sender when called inside an actor, and no sender otherwise.
    /// </summary>
    public static void Tell(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.SelfRef);
    }

    /// <summary>Sends a message keeping the original sender of the message being processed (inside an actor only).</summary>
    /// <exception cref="InvalidOperationException">Called outside an actor's message handler.</exception>
    public static void Forward(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var cell = ActorCell.Current ?? throw new InvalidOperationException("Forward can only be called from inside an actor's message handler.");
        receiver.Tell(message, cell.Sender);
    }

    /// <summary>True for a ref that points at nothing: null or <see cref="ActorRefs.Nobody"/>.</summary>
    public static bool IsNobody(this IActorRef? actorRef) => actorRef is null || ReferenceEquals(actorRef, NobodyRef.Instance);
}
