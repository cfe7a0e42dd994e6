using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// The actor that death-watches the processes calling a synchronization object (calls themselves run on its
/// <see cref="SyncFront"/>, on the thread that delivers them): when one dies, the front drops that process's waiters
/// and gives back what it held (locks, permits), or breaks the barrier it waited at.
/// </summary>
internal sealed class SyncOwner : ReceiveActor
{
    private readonly Dictionary<IActorRef, Address> _watched = [];

    /// <summary>The watcher for <paramref name="front"/>'s callers.</summary>
    public SyncOwner(SyncFront front)
    {
        Receive<WatchCaller>(watch =>
        {
            _watched[watch.Target] = watch.Process;
            Context.Watch(watch.Target);
        });
        Receive<Terminated>(terminated =>
        {
            if (_watched.Remove(terminated.ActorRef, out var process))
            {
                front.ProcessGone(process);
            }
        });
    }

    /// <summary>Death-watch the process at <paramref name="Process"/> through <paramref name="Target"/> (its <c>/system/processes</c>).</summary>
    public sealed record WatchCaller(Address Process, IActorRef Target);
}
