namespace ActorProc.Multiprocessing.Protocol;

/// <summary>
/// Child to parent, the child's last message: it is about to exit. The parent replies <see cref="ChildExitAck"/>
/// once it has dispatched everything the child sent before (same connection, so same order); only then does the
/// child close its connections, so no message is lost in a socket buffer when it exits.
/// </summary>
internal sealed record ChildExiting(long Token);

/// <summary>Parent to child: everything sent before <see cref="ChildExiting"/> was dispatched.</summary>
internal sealed record ChildExitAck;
