namespace ActorProc.Actors;

/// <summary>The root of an actor system's path tree: just an address, written <c>actorproc://sys/</c>.</summary>
public sealed class RootActorPath : ActorPath
{
    /// <summary>Creates the root path of an address.</summary>
    public RootActorPath(Address address)
        : base(string.Empty, UndefinedUid)
    {
        Address = address ?? throw new ArgumentNullException(nameof(address));
    }

    /// <inheritdoc />
    public override Address Address { get; }

    /// <inheritdoc />
    public override ActorPath Parent => this;

    /// <inheritdoc />
    public override RootActorPath Root => this;

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override ActorPath WithUid(long uid) =>
        uid == UndefinedUid ? this : throw new InvalidOperationException("The root path has no uid.");
}
