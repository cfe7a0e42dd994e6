using ActorProc.Actors;
using ActorProc.Actors.Dispatch;

namespace ActorProc.Multiprocessing.Handles;

/// <summary>
/// A ref registered under <c>/temp</c> whose <see cref="IActorRef.Tell"/> runs on the thread that delivers the message
/// (for a sender in another process, the remoting reader of its connection): no hop to an actor's thread, one thread
/// wake-up less per message. Pipe endpoints, pool inboxes, manager stores and the fronts of synchronization objects are
/// such refs.
/// </summary>
/// <remarks>
/// Its name is a prefix plus a random uid, so a ref that comes back after it is gone never resolves to another one.
/// It ignores system messages (it sends no death notification): a watcher elsewhere learns of its end from the end of
/// its process. It is reachable once <see cref="Register"/> ran (call it when the subclass is fully built).
/// </remarks>
internal abstract class DirectRef : InternalActorRef
{
    private readonly TempContainer _temp;
    private readonly ActorSystem _system;

    /// <summary>A ref of <paramref name="system"/> named <paramref name="prefix"/> plus a random uid, not yet registered.</summary>
    protected DirectRef(ActorSystem system, string prefix)
    {
        _system = system;
        _temp = system.Provider.Temp;
        Path = _temp.NewUniquePath(prefix);
    }

    /// <inheritdoc />
    public sealed override ActorPath Path { get; }

    /// <inheritdoc />
    public sealed override InternalActorRef? Parent => _temp;

    /// <inheritdoc />
    public sealed override ActorSystem? OwnerSystem => _system;

    /// <inheritdoc />
    public override void SendSystemMessage(SystemMessage message)
    {
    }

    /// <summary>Makes the ref reachable: messages to its path are delivered to it from now on.</summary>
    protected void Register() => _temp.Add(this);

    /// <summary>Makes the ref unreachable: messages to its path go nowhere from now on.</summary>
    protected void Unregister() => _temp.Remove(this);
}
