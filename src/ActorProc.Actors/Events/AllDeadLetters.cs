namespace ActorProc.Actors;

/// <summary>
/// A message that did not reach an actor's behavior: either undeliverable (<see cref="DeadLetter"/>) or not
/// handled (<see cref="UnhandledMessage"/>). Subscribe to this type on the event stream to see both.
/// </summary>
public abstract class AllDeadLetters
{
    private protected AllDeadLetters(object message, IActorRef? sender, IActorRef recipient)
    {
        Message = message;
        Sender = sender;
        Recipient = recipient;
    }

    /// <summary>The message.</summary>
    public object Message { get; }

    /// <summary>Its sender, if any.</summary>
    public IActorRef? Sender { get; }

    /// <summary>The intended recipient.</summary>
    public IActorRef Recipient { get; }

    private protected string Describe(string what) => $"{what} from {Sender?.ToString() ?? "NoSender"} to {Recipient}: {Message}";
}
