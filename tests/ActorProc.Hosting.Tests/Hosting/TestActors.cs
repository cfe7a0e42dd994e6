using ActorProc.Actors;

namespace ActorProc.Hosting.Tests.Hosting;

/// <summary>Replies with what it is sent.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(message => Sender.Tell(message));
}

/// <summary>Replies with the pid of the process it runs in (for process-isolated deployment).</summary>
public sealed class PidActor : ReceiveActor
{
    public PidActor() => ReceiveAny(_ => Sender.Tell(Environment.ProcessId));
}

/// <summary>Logs through its actor system when created and for every message, then replies "logged".</summary>
public sealed class TalkerActor : ReceiveActor
{
    public TalkerActor()
    {
        var log = Context.GetLogger();
        log.Info("talker started in {Pid}", Environment.ProcessId);
        ReceiveAny(message =>
        {
            log.Warning("talker got {Message}", message);
            Sender.Tell("logged");
        });
    }
}

/// <summary>Throws on every message: with the escalating guardian strategy this terminates the actor system.</summary>
public sealed class FailingActor : ReceiveActor
{
    public FailingActor() => ReceiveAny(_ => throw new InvalidOperationException("failing actor"));
}
