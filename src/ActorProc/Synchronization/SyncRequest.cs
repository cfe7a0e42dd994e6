namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>A handle's call on the owner of a synchronization object; the reply is an <see cref="int"/> result (<see cref="SyncResult"/>).</summary>
/// <param name="Id">Random id of this call, for <see cref="SyncCancel"/>.</param>
/// <param name="Op">The operation.</param>
/// <param name="ThreadId">The caller's managed thread id (with the sender's process, the holder identity).</param>
/// <param name="Arg">Operation argument (notify count).</param>
/// <param name="Key">Operation key (condition id).</param>
/// <param name="TimeoutTicks">How long the owner lets the call wait; -1 without limit.</param>
/// <param name="OneWay">The caller does not wait for a reply (the sender only tells the owner which process calls).</param>
internal sealed record SyncRequest(long Id, SyncOp Op, int ThreadId, int Arg, long Key, long TimeoutTicks, bool OneWay = false);
