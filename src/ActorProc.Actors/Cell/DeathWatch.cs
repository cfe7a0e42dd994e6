namespace ActorProc.Actors;

/// <summary>
/// One actor's death-watch state: whom it watches (with the message to deliver), who watches it, and which
/// notifications are queued but not yet delivered. It guarantees exactly one <see cref="Terminated"/> per
/// watch: a notification for an actor no longer watched is dropped, also one already in the mailbox when
/// <c>Unwatch</c> was called. Only the owning actor's mailbox run touches it.
/// </summary>
internal sealed class DeathWatch
{
    // Created on first use: most actors never watch and are never watched.
    private Dictionary<IActorRef, object?>? _watchingMap;
    private HashSet<IActorRef>? _watchedBySet;
    private HashSet<IActorRef>? _queuedSet;

    public IEnumerable<IActorRef> Watching => (IEnumerable<IActorRef>?)_watchingMap?.Keys ?? [];

    public IReadOnlyCollection<IActorRef> WatchedBy => (IReadOnlyCollection<IActorRef>?)_watchedBySet ?? [];

    private Dictionary<IActorRef, object?> _watching => _watchingMap ??= [];

    private HashSet<IActorRef> _watchedBy => _watchedBySet ??= [];

    private HashSet<IActorRef> _terminatedQueued => _queuedSet ??= [];

    /// <summary>Records a watch; returns true when the watchee must be told (first watch).</summary>
    public bool StartWatching(IActorRef subject, object? customMessage)
    {
        if (_watching.TryGetValue(subject, out var existing))
        {
            if (!Equals(existing, customMessage))
            {
                throw new InvalidOperationException(
                    $"{subject} is already watched with a different termination message; call Unwatch first.");
            }

            return false;
        }

        _watching.Add(subject, customMessage);
        return true;
    }

    /// <summary>Removes a watch; returns true when the watchee must be told.</summary>
    public bool StopWatching(IActorRef subject)
    {
        _terminatedQueued.Remove(subject);
        return _watching.Remove(subject);
    }

    public bool IsWatching(IActorRef subject) => _watching.ContainsKey(subject);

    /// <summary>Called when a watched actor died; returns the message to deliver, or null when not watched.</summary>
    public object? OnWatcheeTerminated(IActorRef subject, bool existenceConfirmed, bool addressTerminated)
    {
        if (!_watching.Remove(subject, out var custom))
        {
            return null;
        }

        if (custom is not null)
        {
            return custom;
        }

        _terminatedQueued.Add(subject);
        return new Terminated(subject, existenceConfirmed, addressTerminated);
    }

    /// <summary>True when a <see cref="Terminated"/> taken from the mailbox is still wanted.</summary>
    public bool ConsumeQueued(IActorRef subject) => _terminatedQueued.Remove(subject);

    public void AddWatcher(IActorRef watcher) => _watchedBy.Add(watcher);

    public void RemoveWatcher(IActorRef watcher) => _watchedBy.Remove(watcher);

    public void Clear()
    {
        _watchingMap = null;
        _watchedBySet = null;
        _queuedSet = null;
    }
}
