using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Queues;

// Messages between queue handles, the per-process inboxes and the owner actor. Items travel as the bytes the
// producer serialized them to: the owner never needs the item types, and each consumer resolves them (and the
// actor refs inside them) in its own process.

/// <summary>An item of an unbounded queue (one-way).</summary>
internal sealed record QueuePut(byte[] Item);

/// <summary>An item of a bounded queue: the owner replies <see cref="QueuePutResult"/> once the item is in, or false when <paramref name="TimeoutMs"/> passed first (-1: wait for ever).</summary>
internal sealed record QueuePutWait(byte[] Item, long TimeoutMs);

/// <summary>Whether a waiting put was accepted.</summary>
internal sealed record QueuePutResult(bool Accepted);

/// <summary>A consumer process's inbox asks for <paramref name="Count"/> more items and acknowledges <paramref name="Acked"/> it handed out.</summary>
internal sealed record QueueDemand(IActorRef Inbox, int Count, int Acked);

/// <summary>Items for a consumer process, in order.</summary>
internal sealed record QueueDeliver(byte[][] Items);

/// <summary><paramref name="Count"/> items handed out by <paramref name="Inbox"/> are done with (Get returned; for a JoinableQueue: TaskDone).</summary>
internal sealed record QueueAck(IActorRef Inbox, int Count);

/// <summary>JoinableQueue: <paramref name="Count"/> TaskDone calls.</summary>
internal sealed record QueueTaskDone(IActorRef Inbox, int Count);

/// <summary>Asks for the approximate number of items (replied as an int).</summary>
internal sealed record QueueCount;

/// <summary>JoinableQueue: replied (true) once every item put has been marked done.</summary>
internal sealed record QueueJoin;

/// <summary>Take one item now if there is one (replied as a <see cref="QueueDeliver"/> of zero or one items); for non-blocking gets.</summary>
internal sealed record QueueTryTake(IActorRef Inbox);

/// <summary>Items of an unbounded queue from one producer process, in order (one-way).</summary>
internal sealed record QueuePutBatch(byte[][] Items);
