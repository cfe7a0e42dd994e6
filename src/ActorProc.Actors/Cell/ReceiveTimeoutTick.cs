namespace ActorProc.Actors;

/// <summary>The scheduler's wake-up for a receive timeout; turned into <see cref="ReceiveTimeout"/> when still due.</summary>
internal sealed class ReceiveTimeoutTick(int generation) : IAutoReceivedMessage, INotInfluenceReceiveTimeout
{
    public int Generation { get; } = generation;
}
