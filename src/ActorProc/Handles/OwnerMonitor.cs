using System.Collections.Concurrent;
using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Handles;

/// <summary>
/// Tells handle calls when the actor owning their object is gone (stopped, or its process died): one
/// death-watch per owner, a cancellation token per owner that is cancelled when it goes.
/// </summary>
internal sealed class OwnerMonitor
{
    private readonly ConcurrentDictionary<IActorRef, CancellationTokenSource> _owners = new();
    private readonly IActorRef _watcher;

    public OwnerMonitor(ActorSystem system) =>
        _watcher = system.SystemActorOf(Props.Create(() => new Watcher()), "owner-monitor");

    /// <summary>A token cancelled once <paramref name="owner"/> has stopped or its process has died.</summary>
    public CancellationToken GoneToken(IActorRef owner)
    {
        if (_owners.TryGetValue(owner, out var known))
        {
            return known.Token;
        }

        var created = new CancellationTokenSource();
        if (_owners.TryAdd(owner, created))
        {
            _watcher.Tell(new WatchOwner(owner, created));
            return created.Token;
        }

        created.Dispose();
        return _owners[owner].Token;
    }

    private sealed record WatchOwner(IActorRef Owner, CancellationTokenSource Gone);

    private sealed class Watcher : ReceiveActor
    {
        private readonly Dictionary<IActorRef, CancellationTokenSource> _watched = [];

        public Watcher()
        {
            Receive<WatchOwner>(watch =>
            {
                _watched[watch.Owner] = watch.Gone;
                Context.Watch(watch.Owner);
            });
            Receive<Terminated>(terminated =>
            {
                if (_watched.Remove(terminated.ActorRef, out var gone))
                {
                    gone.Cancel();
                }
            });
        }
    }
}
