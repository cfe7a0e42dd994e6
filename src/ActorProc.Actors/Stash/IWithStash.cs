namespace ActorProc.Actors;

/// <summary>
/// Implement on an actor to get a stash: the runtime sets <see cref="Stash"/> before the constructor's
/// first message. On restart, stashed messages go back to the mailbox for the new instance; on stop they go
/// to dead letters.
/// </summary>
public interface IWithStash
{
    /// <summary>The stash (set by the runtime).</summary>
    IStash Stash { get; set; }
}
