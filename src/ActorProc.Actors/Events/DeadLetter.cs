namespace ActorProc.Actors;

/// <summary>Published on the event stream for each message that could not be delivered.</summary>
public sealed class DeadLetter
{
    /// <summary>Creates the event.</summary>
    public DeadLetter(object message, IActorRef? sender, IActorRef recipient)
    {
        Message = message;
        Sender = sender;
        Recipient = recipient;
    }

    /// <summary>The undelivered message.</summary>
    public object Message { get; }

    /// <summary>Its sender, if any.</summary>
    public IActorRef? Sender { get; }

    /// <summary>The intended recipient.</summary>
    public IActorRef Recipient { get; }

    /// <inheritdoc />
    public override string ToString() => $"DeadLetter from {Sender?.ToString() ?? "NoSender"} to {Recipient}: {Message}";
}

/// <summary>Published on the event stream when an actor did not handle a message.</summary>
public sealed class UnhandledMessage
{
    /// <summary>Creates the event.</summary>
    public UnhandledMessage(object message, IActorRef? sender, IActorRef recipient)
    {
        Message = message;
        Sender = sender;
        Recipient = recipient;
    }

    /// <summary>The message.</summary>
    public object Message { get; }

    /// <summary>Its sender, if any.</summary>
    public IActorRef? Sender { get; }

    /// <summary>The actor that did not handle it.</summary>
    public IActorRef Recipient { get; }

    /// <inheritdoc />
    public override string ToString() => $"Unhandled message from {Sender?.ToString() ?? "NoSender"} to {Recipient}: {Message}";
}
