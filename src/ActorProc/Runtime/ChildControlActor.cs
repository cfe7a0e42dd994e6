using ActorProc.Actors;
using ActorProc.Multiprocessing.Protocol;

namespace ActorProc.Multiprocessing.Runtime;

/// <summary><c>/system/process-control</c> in a child: receives the work the parent assigns.</summary>
internal sealed class ChildControlActor : ReceiveActor
{
    public ChildControlActor(TaskCompletionSource<RunTarget> work) => Receive<RunTarget>(run => work.TrySetResult(run));
}
