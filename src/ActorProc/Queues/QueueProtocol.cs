using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Queues;

// Messages between queue handles in other processes, their per-process inboxes and the owner actor. Items travel
// as the bytes the producer serialized them to, many per message: Data holds them back to back and Ends[i] is
// where item i ends. The owner never needs the item types; each consumer resolves them (and the actor refs in
// them) in its own process. Handles in the owner's process use the QueueCore directly and send none of these.
// A producer process of a bounded queue puts against credits, space the owner reserved for it, as a process
// takes a slot of Python's semaphore: it asks for more only when it has none left.

/// <summary>
/// Items from one producer process, in order (one-way). On a bounded queue <paramref name="Producer"/> names the
/// producer whose credits (space reserved for it) the items use; null on an unbounded queue.
/// </summary>
internal sealed record QueuePutBatch(byte[] Data, int[] Ends, IActorRef? Producer);

/// <summary>
/// A producer process of a bounded queue asks for space for up to <paramref name="Want"/> items (one-way); the owner
/// answers <see cref="QueueCredits"/> to the producer as soon as there is space for at least one, in turn with the
/// puts that wait.
/// </summary>
internal sealed record QueueCreditAsk(IActorRef Producer, int Want);

/// <summary>Space reserved for <paramref name="Count"/> items of the producer (its credits): puts that use them need no message but their batch.</summary>
internal sealed record QueueCredits(int Count);

/// <summary>The producer no longer waits for space: its pending ask is dropped (a grant already sent stays its credits).</summary>
internal sealed record QueueCreditCancel(IActorRef Producer);

/// <summary>The producer gives back <paramref name="Count"/> credits it has not used, after sending the items that used the others.</summary>
internal sealed record QueueCreditReturn(IActorRef Producer, int Count);

/// <summary>A put waits for space: the producer should give back the credits it is not using (<see cref="QueueCreditReturn"/>).</summary>
internal sealed record QueueCreditRecall;

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

/// <summary>
/// An idle consumer process gives back the <paramref name="Count"/> items it held that no get took (the oldest it was
/// delivered and did not return, after acknowledging <paramref name="Returned"/> and <paramref name="Done"/> more) and
/// cancels its demand: they go back to the front of the queue for the processes that wait.
/// </summary>
internal sealed record QueueGiveBack(IActorRef Inbox, int Count, int Returned, int Done);

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
