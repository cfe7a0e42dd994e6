using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Queues;

// Messages between queue handles in other processes, their per-process inboxes and the owner actor. Items travel
// as the bytes the producer serialized them to, many per message: Data holds them back to back and Ends[i] is
// where item i ends. The owner never needs the item types; each consumer resolves them (and the actor refs in
// them) in its own process. Handles in the owner's process use the QueueCore directly and send none of these.

/// <summary>Items of an unbounded queue from one producer process, in order (one-way).</summary>
internal sealed record QueuePutBatch(byte[] Data, int[] Ends);

/// <summary>An item of a bounded queue: the owner replies <see cref="QueuePutResult"/> once the item is in, or false when <paramref name="TimeoutMs"/> passed first (-1: wait for ever).</summary>
internal sealed record QueuePutWait(byte[] Item, long TimeoutMs);

/// <summary>Whether a waiting put was accepted.</summary>
internal sealed record QueuePutResult(bool Accepted);

/// <summary>
/// A consumer process's inbox introduces itself, before any demand. <paramref name="CountersPath"/> names its
/// shared counters (<see cref="ConsumerCounters"/>, null when it has none) and <paramref name="Token"/> proves
/// the file is the inbox's: through them the owner learns exactly which items a dead consumer's gets returned.
/// </summary>
internal sealed record QueueSubscribe(IActorRef Inbox, string? CountersPath, byte[] Token);

/// <summary>
/// The inbox asks for <paramref name="Count"/> more items; <paramref name="Returned"/> more of the items delivered
/// to it were returned by gets, and (JoinableQueue) <paramref name="Done"/> more were marked done.
/// </summary>
internal sealed record QueueDemand(IActorRef Inbox, int Count, int Returned, int Done);

/// <summary>Items for a consumer process, in order; <paramref name="Reply"/> answers the <see cref="QueueTryTake"/> with that id (0: none).</summary>
internal sealed record QueueDeliver(byte[] Data, int[] Ends, long Reply);

/// <summary><paramref name="Returned"/> more items delivered to <paramref name="Inbox"/> were returned by gets, <paramref name="Done"/> more were marked done.</summary>
internal sealed record QueueAck(IActorRef Inbox, int Returned, int Done);

/// <summary>Asks for the approximate number of items (replied as an int).</summary>
internal sealed record QueueCount;

/// <summary>JoinableQueue: replied (true) once every item put has been marked done.</summary>
internal sealed record QueueJoin;

/// <summary>
/// Deliver one item now if there is one, for a non-blocking get: answered by a <see cref="QueueDeliver"/> of zero
/// or one item whose reply is <paramref name="Id"/>, on the same path as every delivery (so deliveries stay in order).
/// </summary>
internal sealed record QueueTryTake(IActorRef Inbox, long Id);

/// <summary>The owner's answer to <see cref="QueueSubscribe"/>: whether it mapped the inbox's shared counters.</summary>
internal sealed record QueueSubscribed(bool CountersMapped);
