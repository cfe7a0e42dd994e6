using ActorProc.Actors;
using ActorProc.Actors.Dispatch;

namespace ActorProc.TestKit.Xunit2;

/// <summary>The actor behind a <see cref="TestProbe"/>: puts every message it gets into the probe's queue and watches on request.</summary>
internal sealed class ProbeActor(ProbeQueue queue) : ActorBase
{
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case ProbeWatch watch:
                Context.Watch(watch.Target);
                Sender.Tell(watch, Self);
                return true;
            case ProbeUnwatch unwatch:
                Context.Unwatch(unwatch.Target);
                Sender.Tell(unwatch, Self);
                return true;
            default:
                queue.Add(new Envelope(message, Sender));
                return true;
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;
}

/// <summary>Asks the probe actor to watch a target.</summary>
internal sealed record ProbeWatch(IActorRef Target);

/// <summary>Asks the probe actor to stop watching a target.</summary>
internal sealed record ProbeUnwatch(IActorRef Target);
