using ActorProc.Actors.Dispatch;
using Microsoft.Extensions.Logging;

namespace ActorProc.Actors;

/// <summary>
/// <c>/deadLetters</c>: publishes every message it gets as a <see cref="DeadLetter"/> and logs the first
/// <c>log-dead-letters</c> of them. A watch sent to it answers at once with a non-confirmed termination.
/// </summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : InternalActorRef
{
    private int _logged;

    public override ActorPath Path { get; } = path;

    public override InternalActorRef? Parent => null;

    public override bool IsTerminated => true;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var deadLetter = message as DeadLetter ?? new DeadLetter(message, sender, this);
        if (deadLetter.Message is Identify identify)
        {
            deadLetter.Sender?.Tell(new ActorIdentity(identify.MessageId, null), this);
            return;
        }

        if (deadLetter.Message is Terminated or DeadLetter)
        {
            return;
        }

        system.EventStream.Publish(deadLetter);
        var limit = system.Settings.LogDeadLetters;
        if (limit > 0 && (system.IsTerminating ? system.Settings.LogDeadLettersDuringShutdown : true) &&
            Interlocked.Increment(ref _logged) <= limit)
        {
            var suffix = _logged == limit ? " (no more dead letters will be logged)" : string.Empty;
            system.GetLogger(Path.ToString(), typeof(DeadLetterActorRef)).Log(
                LogLevel.Information, null, "Message {MessageType} from {Sender} to {Recipient} was not delivered{Suffix}",
                deadLetter.Message.GetType().Name, deadLetter.Sender?.ToString() ?? "NoSender", deadLetter.Recipient.ToString(), suffix);
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(watch.Watchee, existenceConfirmed: false, addressTerminated: false));
        }
    }
}
