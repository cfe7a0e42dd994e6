using ActorProc.Actors.Dispatch;
using Microsoft.Extensions.Logging;

namespace ActorProc.Actors;

/// <summary>
/// The parent of the root guardian, outside the tree. A failure that escalates this far is logged as the
/// reason the actor system ends, and the system is terminated.
/// </summary>
internal sealed class RootSupervisorRef(ActorSystem system, ActorPath path) : InternalActorRef
{
    private readonly TaskCompletionSource _rootStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task RootStopped => _rootStopped.Task;

    public override ActorPath Path { get; } = path;

    public override InternalActorRef? Parent => null;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                system.GetLogger(Path.ToString(), typeof(RootSupervisorRef)).Log(LogLevel.Error, failed.Cause,
                    "The root guardian failed ({Reason}); terminating the actor system", failed.Cause.Message);
                ((InternalActorRef)failed.Child).Stop();
                _ = system.Terminate();
                break;
            case ChildTerminated:
                _rootStopped.TrySetResult();
                break;
        }
    }
}
