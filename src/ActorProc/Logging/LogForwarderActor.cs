using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Logging;

/// <summary>
/// <c>/system/log-forwarder</c> in a child: sends the events its <see cref="LogForwarder"/> queued to the parent's
/// <c>/system/processes</c> as <see cref="ChildLogs"/> batches. One drain request is outstanding at a time, so a
/// burst of events becomes a few messages.
/// </summary>
internal sealed class LogForwarderActor : ReceiveActor
{
    public LogForwarderActor(LogForwarder forwarder, IActorRef parent, long token)
    {
        Receive<Drain>(_ => Send(forwarder, parent, token));
        Receive<Flush>(_ =>
        {
            Send(forwarder, parent, token);
            Sender.Tell(Flushed.Instance);
        });
    }

    private static void Send(LogForwarder forwarder, IActorRef parent, long token)
    {
        while (forwarder.TakeBatch() is { } batch)
        {
            parent.Tell(new ChildLogs(token, batch), ActorRefs.NoSender);
        }
    }

    /// <summary>Events are queued.</summary>
    internal sealed class Drain
    {
        public static readonly Drain Instance = new();
    }

    /// <summary>Send everything queued, then answer <see cref="Flushed"/>.</summary>
    internal sealed class Flush
    {
        public static readonly Flush Instance = new();
    }

    /// <summary>The answer to <see cref="Flush"/>: the batches are on their way, ahead of anything sent later.</summary>
    internal sealed class Flushed
    {
        public static readonly Flushed Instance = new();
    }
}
