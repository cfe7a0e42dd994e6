namespace ActorProc.Actors;

/// <summary>The common base of every actor ref: equality by path and uid, ordering and string form.</summary>
public abstract class ActorRefBase : IActorRef
{
    /// <inheritdoc />
    public abstract ActorPath Path { get; }

    /// <inheritdoc />
    public abstract void Tell(object message, IActorRef? sender);

    /// <inheritdoc />
    public bool Equals(IActorRef? other) =>
        other is not null && (ReferenceEquals(this, other) || Path.Uid == other.Path.Uid && Path.Equals(other.Path));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as IActorRef);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Path.GetHashCode(), Path.Uid);

    /// <inheritdoc />
    public int CompareTo(IActorRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byPath = Path.CompareTo(other.Path);
        return byPath != 0 ? byPath : Path.Uid.CompareTo(other.Path.Uid);
    }

    /// <summary>The path with its uid, e.g. <c>[actorproc://sys/user/a#42]</c>.</summary>
    public override string ToString() => "[" + Path.ToSerializationFormat() + "]";
}
