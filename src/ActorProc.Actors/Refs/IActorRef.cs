namespace ActorProc.Actors;

/// <summary>
/// A handle to an actor: the only way to talk to one. Refs are cheap, thread-safe and comparable; two refs
/// are equal when they point at the same incarnation (same path and uid) of an actor.
/// </summary>
public interface IActorRef : IEquatable<IActorRef>, IComparable<IActorRef>
{
    /// <summary>The actor's path, including the address of the system it lives in.</summary>
    ActorPath Path { get; }

    /// <summary>
    /// Sends a message without waiting (fire and forget). The message is delivered at most once; messages
    /// from one sender to one receiver arrive in the order they were sent.
    /// </summary>
    /// <param name="message">The message; must not be null.</param>
    /// <param name="sender">The ref replies go to, or <c>null</c> for none (replies then go to dead letters).</param>
    void Tell(object message, IActorRef? sender);
}
