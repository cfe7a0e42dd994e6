namespace ActorProc.Actors.Dispatch;

/// <summary>The user-message queue inside a mailbox: many producers, one consumer (the mailbox run).</summary>
internal interface IMessageQueue
{
    /// <summary>True when the queue probably holds messages (exact for the consumer).</summary>
    bool HasMessages { get; }

    /// <summary>Approximate number of queued messages.</summary>
    int Count { get; }

    /// <summary>Queues a message. Returns false when it was rejected; <paramref name="dropped"/> then holds what to dead-letter.</summary>
    bool TryEnqueue(in Envelope envelope, out Envelope dropped, out bool displaced);

    /// <summary>Takes the next message.</summary>
    bool TryDequeue(out Envelope envelope);
}
