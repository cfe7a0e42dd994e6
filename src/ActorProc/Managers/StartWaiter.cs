using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Managers;

/// <summary>Where a new manager process reports (<see cref="ManagerStarted"/> or <see cref="ManagerStartFailed"/>): completes a task with the first message and stops.</summary>
internal sealed class StartWaiter : ReceiveActor
{
    public StartWaiter(TaskCompletionSource<object> report) =>
        ReceiveAny(message =>
        {
            report.TrySetResult(message);
            Context.Stop(Self);
        });
}
