namespace ActorProc.Actors.Tests;

/// <summary>A message that blocks the actor processing it until <see cref="Release"/> is called, after telling the probe it is blocked.</summary>
public sealed class Gate
{
    private readonly ManualResetEventSlim _released = new(false);

    /// <summary>What the actor sends to the reporting ref once it is blocked.</summary>
    public const string Blocked = "blocked";

    public void Release() => _released.Set();

    /// <summary>Called by the actor: reports, then waits (bounded so that a failing test cannot hang the run).</summary>
    public void Block(IActorRef report, IActorRef self)
    {
        report.Tell(Blocked, self);
        if (!_released.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The gate was never released.");
        }
    }
}
