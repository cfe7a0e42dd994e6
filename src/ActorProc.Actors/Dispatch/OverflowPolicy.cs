namespace ActorProc.Actors.Dispatch;

/// <summary>What a bounded mailbox does with a message that arrives when it is full.</summary>
public enum OverflowPolicy
{
    /// <summary>The arriving message goes to dead letters (the default).</summary>
    DropNewest,

    /// <summary>The oldest queued message goes to dead letters and the arriving one is queued.</summary>
    DropOldest,

    /// <summary><c>Tell</c> throws <see cref="MailboxOverflowException"/> at the sender; nothing is queued.</summary>
    Throw,
}
