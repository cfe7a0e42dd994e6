using ActorProc.Actors;
using ActorProc.Multiprocessing.Logging;
using ActorProc.Multiprocessing.Protocol;

namespace ActorProc.Multiprocessing.Processes;

/// <summary>
/// <c>/system/processes</c>: the parent of one <see cref="ProcessActor"/> per started child. Children
/// report <see cref="ChildReady"/> here by launch token, before or after a <see cref="Process"/> is
/// assigned to them (a spare is ready long before it gets work). Log events children forward arrive here on the
/// same connection as their exit report, so they are written before a <see cref="Process.Join"/> returns.
/// </summary>
internal sealed class ProcessesActor : ReceiveActor
{
    private readonly Dictionary<long, ChildReady> _ready = [];
    private readonly Dictionary<long, IActorRef> _started = [];

    public ProcessesActor(IChildLogTarget? childLogs)
    {
        Receive<ChildLogs>(logs => childLogs?.Write(logs.Records));
        Receive<ChildReady>(ready =>
        {
            Sender.Tell(new ChildReadyAck());
            if (_started.TryGetValue(ready.Token, out var actor))
            {
                actor.Tell(ready);
            }
            else
            {
                _ready[ready.Token] = ready;
            }
        });
        Receive<ChildStarted>(started =>
        {
            long token = started.Child.Token;
            var actor = Context.ActorOf(Props.Create(() => new ProcessActor(started)), "p" + token);
            _started[token] = actor;
            started.Process.AttachActor(actor);
            if (_ready.Remove(token, out var ready))
            {
                actor.Tell(ready);
            }
        });
        Receive<ChildExiting>(exiting =>
        {
            if (_started.TryGetValue(exiting.Token, out var actor))
            {
                actor.Forward(exiting);
            }
            else
            {
                Sender.Tell(new ChildExitAck());
            }
        });
        Receive<ChildGone>(gone =>
        {
            _ready.Remove(gone.Token);
            if (_started.Remove(gone.Token, out var actor))
            {
                actor.Tell(gone);
            }
        });
    }
}
