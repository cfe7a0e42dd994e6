using ActorProc.Actors.Dispatch;

namespace ActorProc.Actors;

/// <summary>
/// Installed while an async handler runs, so that its <c>await</c> continuations come back to the actor as
/// system messages and run on the actor's turn with <c>Self</c> and <c>Sender</c> intact.
/// </summary>
internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => cell.SelfRef.SendSystemMessage(new RunContinuation(d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send to an actor's context would deadlock; use Post.");

    public override SynchronizationContext CreateCopy() => this;
}
