using ActorProc.Actors.Dispatch;

namespace ActorProc.Actors;

/// <summary>
/// The runtime's view of a ref: besides user messages it takes system messages (create, watch, stop,
/// failure, ...) and knows its parent. Local refs, remote refs and the special refs all derive from it.
/// </summary>
internal abstract class InternalActorRef : ActorRefBase
{
    /// <summary>The parent's ref, or null for the root's supervisor.</summary>
    public abstract InternalActorRef? Parent { get; }

    /// <summary>True when the actor is known to be dead (for remote refs: known from a notification).</summary>
    public virtual bool IsTerminated => false;

    /// <summary>True when the actor lives in this process.</summary>
    public virtual bool IsLocal => true;

    /// <summary>The system a ref that is not a local actor belongs to (lets an ask give its temporary sender a resolvable path); null when unknown.</summary>
    public virtual ActorSystem? OwnerSystem => null;

    /// <summary>Delivers a system message; these bypass the user mailbox's order and are never dropped while the actor lives.</summary>
    public abstract void SendSystemMessage(SystemMessage message);

    /// <summary>Finds a child by name; null when there is none.</summary>
    public virtual InternalActorRef? GetChild(string name) => null;

    /// <summary>Asks the actor to stop.</summary>
    public virtual void Stop() => SendSystemMessage(new Terminate());
}
