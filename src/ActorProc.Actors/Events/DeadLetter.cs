namespace ActorProc.Actors;

/// <summary>Published on the event stream for each message that could not be delivered.</summary>
public sealed class DeadLetter : AllDeadLetters
{
    /// <summary>Creates the event.</summary>
    public DeadLetter(object message, IActorRef? sender, IActorRef recipient)
        : base(message, sender, recipient)
    {
    }

    /// <inheritdoc />
    public override string ToString() => Describe("DeadLetter");
}
