namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>One call on a core, from a local handle or decoded from a <see cref="SyncRequest"/>.</summary>
/// <param name="Caller">Who calls.</param>
/// <param name="Op">The operation.</param>
/// <param name="Arg">Operation argument (notify count).</param>
/// <param name="Key">Operation key (condition id).</param>
/// <param name="Timeout">How long the call may wait; null without limit.</param>
/// <param name="Reply">For a call from another process: answered directly when the call completes after waiting.</param>
internal readonly record struct SyncCall(SyncCaller Caller, SyncOp Op, int Arg, long Key, TimeSpan? Timeout, ISyncReply? Reply = null);
