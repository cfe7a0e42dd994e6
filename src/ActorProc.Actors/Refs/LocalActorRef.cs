using ActorProc.Actors.Dispatch;

namespace ActorProc.Actors;

/// <summary>A ref to an actor in this process: <c>Tell</c> puts an envelope straight into its mailbox.</summary>
internal sealed class LocalActorRef : InternalActorRef
{
    public LocalActorRef(ActorSystem system, Props props, Mailbox mailbox, InternalActorRef parent, ActorPath path)
    {
        Path = path;
        Cell = new ActorCell(system, this, props, mailbox, parent);
    }

    public ActorCell Cell { get; }

    public override ActorPath Path { get; }

    public override InternalActorRef? Parent => Cell.ParentRef;

    public override bool IsTerminated => Cell.IsTerminated;

    public override ActorSystem? OwnerSystem => Cell.System;

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message), $"A null message cannot be sent (to {Path}).");
        }

        Cell.Mailbox.Post(new Envelope(message, sender));
    }

    public override void SendSystemMessage(SystemMessage message) => Cell.Mailbox.PostSystem(message);

    public override InternalActorRef? GetChild(string name) => Cell.Children.Get(name);

    /// <summary>Starts the actor: its instance is created on its first mailbox turn.</summary>
    public void Start() => SendSystemMessage(new Create());
}
