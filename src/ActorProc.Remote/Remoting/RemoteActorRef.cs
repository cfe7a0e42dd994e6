using ActorProc.Actors;
using ActorProc.Actors.Dispatch;

namespace ActorProc.Remote;

/// <summary>
/// A ref to an actor of another actor system: <see cref="Tell"/> queues an envelope on the association
/// with that system's address (opened on first use); watch, unwatch, stop and death-watch notifications
/// travel as system envelopes on the same association, so they keep their order.
/// </summary>
internal sealed class RemoteActorRef : InternalActorRef
{
    private readonly RemoteExtension _remote;
    private Association? _association;
    private RoutedWirePath? _routed;

    public RemoteActorRef(RemoteExtension remote, ActorPath path)
        : this(remote, path, path.ToSerializationFormat(), path.Elements.Any(e => e == ".." || e.Contains('*') || e.Contains('?')))
    {
    }

    /// <summary>Creates the ref with a wire path and selection flag already known (they must match <paramref name="path"/>).</summary>
    public RemoteActorRef(RemoteExtension remote, ActorPath path, string wirePath, bool isSelection)
    {
        _remote = remote;
        Path = path;
        WirePath = wirePath;
        IsSelection = isSelection;
    }

    public override ActorPath Path { get; }

    /// <summary>The full path with uid, as it travels in envelopes.</summary>
    public string WirePath { get; }

    public override InternalActorRef? Parent => null;

    public override bool IsLocal => false;

    public override ActorSystem? OwnerSystem => _remote.System;

    /// <summary>True when the path holds wildcards or <c>..</c>: the receiver delivers it as an actor selection.</summary>
    public bool IsSelection { get; }

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Association().SendUser(this, message, sender);
    }

    public override void SendSystemMessage(SystemMessage message) => Association().SendSystem(this, message);

    /// <summary>The wire path followed by <paramref name="mark"/> and the sealed route to this actor's system (cached per route).</summary>
    public string WirePathWith(PeerRoute route, char mark)
    {
        var routed = Volatile.Read(ref _routed);
        if (routed is null || routed.Route != route)
        {
            routed = new RoutedWirePath(route, WirePath + mark + route.Token);
            Volatile.Write(ref _routed, routed);
        }

        return routed.Text;
    }

    public override InternalActorRef? GetChild(string name) => new RemoteActorRef(_remote, Path.Child(name));

    /// <summary>The association with the actor's system; cached until it dies (then looked up again, e.g. after a quarantine expired).</summary>
    private Association Association()
    {
        var association = Volatile.Read(ref _association);
        if (association is null || association.IsDead)
        {
            association = _remote.AssociationFor(Path.Address);
            Volatile.Write(ref _association, association);
        }

        return association;
    }

    private sealed record RoutedWirePath(PeerRoute Route, string Text);
}
