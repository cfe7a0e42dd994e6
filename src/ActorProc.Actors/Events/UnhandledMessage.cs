namespace ActorProc.Actors;

/// <summary>Published on the event stream when an actor did not handle a message.</summary>
public sealed class UnhandledMessage : AllDeadLetters
{
    /// <summary>Creates the event.</summary>
    public UnhandledMessage(object message, IActorRef? sender, IActorRef recipient)
        : base(message, sender, recipient)
    {
    }

    /// <inheritdoc />
    public override string ToString() => Describe("Unhandled message");
}
