namespace ActorProc.Actors;

/// <summary>
/// One actor's death-watch state: whom it watches (with the message to deliver), who watches it, and which
/// notifications are queued but not yet delivered. It guarantees exactly one <see cref="Terminated"/> per
/// watch: a notification for an actor no longer watched is dropped, also one already in the mailbox when
/// <c>Unwatch</c> was called. Only the owning actor's mailbox run touches it.
/// </summary>
internal sealed class DeathWatch
{
    private readonly Dictionary<IActorRef, object?> _watching = [];
    private readonly HashSet<IActorRef> _watchedBy = [];
    private readonly HashSet<IActorRef> _terminatedQueued = [];

    public IEnumerable<IActorRef> Watching => _watching.Keys;

    public IReadOnlyCollection<IActorRef> WatchedBy => _watchedBy;

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
        _watching.Clear();
        _watchedBy.Clear();
        _terminatedQueued.Clear();
    }
}
