using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// In the pool's process: where workers send their results. A ref under <c>/temp</c> whose <see cref="Tell"/> runs
/// on the remoting reader thread of the worker's connection and hands the batch straight to the
/// <see cref="PoolCore"/> (no actor hop between a result and the caller it wakes).
/// </summary>
internal sealed class PoolInbox : DirectRef, IDisposable
{
    private readonly PoolCore _core;
    private volatile bool _disposed;

    private PoolInbox(ActorSystem system, PoolCore core)
        : base(system, "pool") => _core = core;

    /// <inheritdoc />
    public override bool IsTerminated => _disposed;

    /// <summary>A new inbox, registered so that workers can reach it.</summary>
    public static PoolInbox Create(ActorSystem system, PoolCore core)
    {
        var inbox = new PoolInbox(system, core);
        inbox.Register();
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
    public void Dispose()
    {
        _disposed = true;
        Unregister();
    }
}
