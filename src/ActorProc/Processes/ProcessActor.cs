using ActorProc.Actors;
using ActorProc.Multiprocessing.Protocol;

namespace ActorProc.Multiprocessing.Processes;

/// <summary>
/// The parent-side actor of one child process (<c>/system/processes/p&lt;token&gt;</c>): it hands the
/// target to the child once the child is ready, and stops when the child's OS process has ended and its
/// connection has closed (so everything the child sent was dispatched before a Join returns), so
/// the child's exit is a death-watch event for anyone watching it.
/// </summary>
internal sealed class ProcessActor : ReceiveActor
{
    private readonly Process _process;
    private readonly Launch.ChildProcess _child;
    private IActorRef? _control;
    private bool _associationEnded;
    private bool _drained;
    private int? _exitCode;

    public ProcessActor(ChildStarted started)
    {
        _process = started.Process;
        _child = started.Child;
        Receive<ChildReady>(ready =>
        {
            if (_exitCode is not null)
            {
                return;
            }

            // The work first: the child's reader handles frames in order, and the watch's system message need not
            // hold the target up (a watch set after a death still gets its Terminated).
            _control = ready.Control;
            ready.Control.Tell(started.Run);
            Context.Watch(ready.Control);
        });
        Receive<ChildExiting>(_ =>
        {
            _drained = true;
            Sender.Tell(new ChildExitAck());
            EndWhenDrained();
        });
        Receive<ChildGone>(gone =>
        {
            _exitCode = gone.ExitCode;
            EndWhenDrained();
        });

        // The connection with the child closed: every frame it sent before was dispatched.
        Receive<Terminated>(t => t.ActorRef.Equals(_control), _ =>
        {
            _associationEnded = true;
            EndWhenDrained();
        });
    }

    // The actor system is terminating before the end was seen (a hosted root's stop): the OS exit decides.
    protected override void PostStop()
    {
        if (_exitCode is { } code)
        {
            _process.MarkEnded(code);
            return;
        }

        var process = _process;
        _child.Exited.ContinueWith(
            exited => process.MarkEnded(exited.IsCompletedSuccessfully ? exited.Result : -1),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void EndWhenDrained()
    {
        if (_exitCode is { } code && (_control is null || _associationEnded || _drained))
        {
            _process.MarkEnded(code);
            Context.Stop(Self);
        }
    }
}
