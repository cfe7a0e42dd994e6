namespace ActorProc.Actors;

/// <summary>Every actor answers this with an <see cref="ActorIdentity"/> carrying its ref; used to resolve selections.</summary>
public sealed class Identify : IAutoReceivedMessage, INotInfluenceReceiveTimeout
{
    /// <summary>Creates the request with a correlation id that the answer echoes.</summary>
    public Identify(object? messageId) => MessageId = messageId;

    /// <summary>The correlation id.</summary>
    public object? MessageId { get; }

    /// <inheritdoc />
    public override string ToString() => $"<Identify>: {MessageId}";
}

/// <summary>The answer to <see cref="Identify"/>: the actor's ref, or null when nothing was found at the selection.</summary>
public sealed class ActorIdentity
{
    /// <summary>Creates the answer.</summary>
    public ActorIdentity(object? messageId, IActorRef? subject)
    {
        MessageId = messageId;
        Subject = subject;
    }

    /// <summary>The correlation id of the request.</summary>
    public object? MessageId { get; }

    /// <summary>The identified actor, or null.</summary>
    public IActorRef? Subject { get; }

    /// <inheritdoc />
    public override string ToString() => $"<ActorIdentity>: {MessageId} {Subject?.ToString() ?? "null"}";
}
