namespace ActorProc.Actors;

/// <summary>A path below the root: a parent path and a name.</summary>
public sealed class ChildActorPath : ActorPath
{
    private readonly ActorPath _parent;

    /// <summary>Creates a child path.</summary>
    public ChildActorPath(ActorPath parent, string name, long uid)
        : base(name, uid)
    {
        _parent = parent ?? throw new ArgumentNullException(nameof(parent));
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/'))
        {
            throw new ArgumentException($"An actor path element must not contain '/': '{name}'.", nameof(name));
        }

        Depth = parent.Depth + 1;
    }

    /// <inheritdoc />
    public override Address Address => Root.Address;

    /// <inheritdoc />
    public override ActorPath Parent => _parent;

    /// <inheritdoc />
    public override RootActorPath Root => _parent.Root;

    /// <inheritdoc />
    public override int Depth { get; }

    /// <inheritdoc />
    public override ActorPath WithUid(long uid) => uid == Uid ? this : new ChildActorPath(_parent, Name, uid);
}
