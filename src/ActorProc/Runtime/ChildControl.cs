using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Protocol;

namespace ActorProc.Multiprocessing.Runtime;

/// <summary>
/// Where a child (a spare, or a process started for one target) receives the work its parent assigns: a ref under
/// <c>/temp</c> that completes the child's main thread's wait on the thread that delivers the work (the remoting
/// reader), with no hop to an actor's thread. The parent watches it: the end of the child's connection ends the watch.
/// </summary>
internal sealed class ChildControl : DirectRef
{
    private readonly TaskCompletionSource<RunTarget> _work;

    /// <summary>The control of this child; <paramref name="work"/> gets the first <see cref="RunTarget"/>.</summary>
    public ChildControl(ActorSystem system, TaskCompletionSource<RunTarget> work)
        : base(system, "process-control")
    {
        _work = work;
        Register();
    }

    /// <summary>Hands a <see cref="RunTarget"/> to the child's main thread; anything else is ignored.</summary>
    public override void Tell(object message, IActorRef? sender)
    {
        if (message is RunTarget run)
        {
            _work.TrySetResult(run);
        }
    }
}
