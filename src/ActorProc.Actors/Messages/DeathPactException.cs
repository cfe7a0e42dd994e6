namespace ActorProc.Actors;

/// <summary>An actor received <see cref="Terminated"/> for an actor it watched and did not handle it.</summary>
public sealed class DeathPactException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor {deadActor} terminated and the watcher did not handle the Terminated message.") => DeadActor = deadActor;

    /// <summary>The actor that stopped.</summary>
    public IActorRef DeadActor { get; }
}
