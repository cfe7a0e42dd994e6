using ActorProc.Actors;
using ActorProc.Actors.Dispatch;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// In the pool's process: where workers send their results. A ref under <c>/temp</c> whose <see cref="Tell"/> runs
/// on the remoting reader thread of the worker's connection and hands the batch straight to the
/// <see cref="PoolCore"/> (no actor hop between a result and the caller it wakes).
/// </summary>
internal sealed class PoolInbox : InternalActorRef, IDisposable
{
    private readonly TempContainer _temp;
    private readonly ActorSystem _system;
    private readonly PoolCore _core;
    private volatile bool _disposed;

    private PoolInbox(ActorSystem system, PoolCore core)
    {
        _system = system;
        _core = core;
        _temp = system.Provider.Temp;
        Path = _temp.NewUniquePath("pool");
    }

    /// <inheritdoc />
    public override ActorPath Path { get; }

    /// <inheritdoc />
    public override InternalActorRef? Parent => _temp;

    /// <inheritdoc />
    public override bool IsTerminated => _disposed;

    /// <inheritdoc />
    public override ActorSystem? OwnerSystem => _system;

    /// <summary>A new inbox, registered so that workers can reach it.</summary>
    public static PoolInbox Create(ActorSystem system, PoolCore core)
    {
        var inbox = new PoolInbox(system, core);
        inbox._temp.Add(inbox);
        return inbox;
    }

    /// <inheritdoc />
    public override void Tell(object message, IActorRef? sender)
    {
        if (message is PoolResults results)
        {
            _core.OnResults(results);
        }
    }

    /// <inheritdoc />
    public override void SendSystemMessage(SystemMessage message)
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _temp.Remove(this);
    }
}
