using ActorProc.Actors;

namespace ActorProc.Benchmarks.Macro;

/// <summary>Starts a ping-pong round: bounce <c>Messages</c> messages, then signal <c>Done</c>.</summary>
internal sealed record Start(CountdownEvent Done, int Messages);

/// <summary>The bounced message.</summary>
internal sealed class Ping
{
    public static readonly Ping Instance = new();
}

/// <summary>Echoes every message to its sender.</summary>
internal sealed class Ponger : ActorBase
{
    protected override bool Receive(object message)
    {
        Sender.Tell(message, Self);
        return true;
    }
}

/// <summary>Keeps a window of messages in flight to a ponger and counts replies.</summary>
internal sealed class Pinger(IActorRef ponger, int messages, int window, CountdownEvent done) : ActorBase
{
    private int _received;
    private int _sent;
    private int _target = messages;
    private CountdownEvent _done = done;

    protected override bool Receive(object message)
    {
        if (message is Start start)
        {
            _received = 0;
            _sent = 0;
            _target = start.Messages;
            _done = start.Done;
            var burst = Math.Min(window, _target);
            for (var i = 0; i < burst; i++)
            {
                _sent++;
                ponger.Tell(Ping.Instance, Self);
            }

            return true;
        }

        _received++;
        if (_sent < _target)
        {
            _sent++;
            ponger.Tell(message, Self);
        }
        else if (_received == _target)
        {
            _done.Signal();
        }

        return true;
    }
}
