using ActorProc.Actors;
using ActorProc.Multiprocessing.Protocol;

namespace ActorProc.Multiprocessing.Processes;

/// <summary>
/// The parent-side actor of one child process (<c>/system/processes/p&lt;token&gt;</c>): it hands the
/// target to the child once the child is ready, and stops when the child's OS process has ended, so
/// the child's exit is a death-watch event for anyone watching it.
/// </summary>
internal sealed class ProcessActor : ReceiveActor
{
    public ProcessActor(ChildStarted started)
    {
        Receive<ChildReady>(ready =>
        {
            Context.Watch(ready.Control);
            ready.Control.Tell(started.Run);
        });
        Receive<ChildGone>(_ => Context.Stop(Self));

        // The association to the child ended: its OS process is ending too; ChildGone follows.
        Receive<Terminated>(_ => { });
    }
}
