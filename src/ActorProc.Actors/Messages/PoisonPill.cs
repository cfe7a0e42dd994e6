namespace ActorProc.Actors;

/// <summary>
/// Stops the receiving actor when it reaches the front of the mailbox: messages sent before it are still
/// processed, later ones go to dead letters.
/// </summary>
public sealed class PoisonPill : IAutoReceivedMessage
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<PoisonPill>";
}
