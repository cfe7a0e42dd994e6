namespace ActorProc.Actors;

/// <summary>
/// Makes the receiving actor throw <see cref="ActorKilledException"/> when it processes this message, so
/// that its supervisor decides (the default strategy stops it).
/// </summary>
public sealed class Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<Kill>";
}
