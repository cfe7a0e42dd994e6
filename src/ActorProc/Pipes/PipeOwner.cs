using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;

namespace ActorProc.Multiprocessing.Pipes;

/// <summary>
/// The actor owning a pipe, in the process that created it. It carries no messages: it only knows where each
/// end is (the endpoint holding it), moves an end to the process that uses it (one move at a time: the old
/// endpoint hands over its state, the new one gets it, the peer is told where to send), and marks an end closed
/// when it is closed or the process holding it ends.
/// </summary>
internal sealed class PipeOwner : ReceiveActor
{
    private readonly IActorRef[] _endpoints;
    private readonly bool[] _closed = new bool[2];
    private readonly System.Collections.Generic.Queue<(PipeAttach Attach, IActorRef Asker)> _waiting = new();
    private readonly HashSet<Address> _watched = [];
    private (PipeAttach Attach, IActorRef Asker, IActorRef From)? _moving;

    /// <summary>An owner whose ends start at <paramref name="end0"/> and <paramref name="end1"/> (in this process).</summary>
    public PipeOwner(IActorRef end0, IActorRef end1)
    {
        _endpoints = [end0, end1];
        Receive<PipeAttach>(attach =>
        {
            _waiting.Enqueue((attach, Sender));
            StartNextMove();
        });
        Receive<PipeCustody>(OnCustody);
        Receive<PipeEndClosed>(closed =>
        {
            if (closed.End is 0 or 1 && _endpoints[closed.End].Equals(closed.Endpoint))
            {
                MarkClosed(closed.End);
            }

            closed.Endpoint.Tell(new PipeRetire());
            StopWhenDone();
        });
        Receive<Terminated>(terminated => OnProcessGone(terminated.ActorRef.Path.Address));
    }

    private void StartNextMove()
    {
        while (_moving is null && _waiting.TryDequeue(out var next))
        {
            var (attach, asker) = next;
            if (attach.End is not (0 or 1))
            {
                asker.Tell(new PipeAttachReply(false, "No such end."));
                continue;
            }

            if (_closed[attach.End])
            {
                asker.Tell(new PipeAttachReply(false, "This end of the pipe is closed: it was closed, or the process holding it has ended."));
                continue;
            }

            var from = _endpoints[attach.End];
            _moving = (attach, asker, from);
            from.Tell(new PipeHandOver(attach.Endpoint, Self));
        }
    }

    private void OnCustody(PipeCustody custody)
    {
        if (_moving is not { } moving || !Sender.Equals(moving.From))
        {
            return;
        }

        _moving = null;
        int end = moving.Attach.End;
        if (custody.Closed)
        {
            MarkClosed(end);
            moving.Asker.Tell(new PipeAttachReply(false, "This end of the pipe is closed."));
        }
        else
        {
            var endpoint = moving.Attach.Endpoint;
            var peer = _endpoints[1 - end];

            // The state first, then the answer: both travel on the same stream, so the endpoint holds the end when the attach returns.
            endpoint.Tell(new PipeCustodyGrant(custody, peer, _closed[1 - end]));
            _endpoints[end] = endpoint;
            Watch(endpoint.Path.Address);
            if (!_closed[1 - end])
            {
                peer.Tell(new PipePeerMoved(endpoint));
            }

            moving.Asker.Tell(new PipeAttachReply(true, null));
        }

        StartNextMove();
        StopWhenDone();
    }

    private void OnProcessGone(Address process)
    {
        _watched.Remove(process);
        for (int end = 0; end < 2; end++)
        {
            if (_endpoints[end].Path.Address.Equals(process))
            {
                MarkClosed(end);
            }
        }

        if (_moving is { } moving && moving.From.Path.Address.Equals(process))
        {
            // The holder died before handing over: its state is lost with it.
            _moving = null;
            moving.Asker.Tell(new PipeAttachReply(false, "This end of the pipe is closed: the process holding it has ended."));
            StartNextMove();
        }

        StopWhenDone();
    }

    // Both ends closed: nothing can use the pipe any more.
    private void StopWhenDone()
    {
        if (_closed[0] && _closed[1] && _moving is null)
        {
            while (_waiting.TryDequeue(out var waiting))
            {
                waiting.Asker.Tell(new PipeAttachReply(false, "This end of the pipe is closed."));
            }

            Context.Stop(Self);
        }
    }

    private void MarkClosed(int end)
    {
        if (_closed[end])
        {
            return;
        }

        _closed[end] = true;
        _endpoints[1 - end].Tell(new PipePeerClosed());
    }

    private void Watch(Address process)
    {
        if (ProcessLiveness.WatchTarget(process) is { } target && _watched.Add(process))
        {
            Context.Watch(target);
        }
    }
}
