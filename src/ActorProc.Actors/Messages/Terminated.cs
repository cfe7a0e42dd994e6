namespace ActorProc.Actors;

/// <summary>
/// Delivered once to each watcher when a watched actor has stopped. An actor that watches another and
/// does not handle this message fails with <see cref="DeathPactException"/>.
/// </summary>
public sealed class Terminated : INotInfluenceReceiveTimeout
{
    /// <summary>Creates the notification.</summary>
    public Terminated(IActorRef actorRef, bool existenceConfirmed, bool addressTerminated)
    {
        ActorRef = actorRef;
        ExistenceConfirmed = existenceConfirmed;
        AddressTerminated = addressTerminated;
    }

    /// <summary>The actor that stopped.</summary>
    public IActorRef ActorRef { get; }

    /// <summary>False when the actor was already gone (or never existed) when the watch arrived.</summary>
    public bool ExistenceConfirmed { get; }

    /// <summary>True when the notification comes from losing the actor's whole system (process died, connection lost).</summary>
    public bool AddressTerminated { get; }

    /// <inheritdoc />
    public override string ToString() => $"<Terminated>: {ActorRef} - ExistenceConfirmed={ExistenceConfirmed}, AddressTerminated={AddressTerminated}";
}
