namespace ActorProc.Actors.Dispatch;

/// <summary>The kind of mailbox an actor gets.</summary>
public enum MailboxKind
{
    /// <summary>Unbounded FIFO (the default): lock-free, never drops.</summary>
    Unbounded,

    /// <summary>FIFO with a capacity and an <see cref="OverflowPolicy"/>.</summary>
    Bounded,

    /// <summary>Messages with a lower priority number are processed first; FIFO among equals.</summary>
    Priority,
}

/// <summary>Describes an actor's mailbox; set through <see cref="Props.WithMailbox(MailboxOptions)"/> or HOCON.</summary>
public sealed record MailboxOptions
{
    /// <summary>The default unbounded mailbox.</summary>
    public static MailboxOptions Unbounded { get; } = new();

    /// <summary>The kind.</summary>
    public MailboxKind Kind { get; init; } = MailboxKind.Unbounded;

    /// <summary>The capacity of a bounded mailbox.</summary>
    public int Capacity { get; init; } = 1000;

    /// <summary>The overflow policy of a bounded mailbox.</summary>
    public OverflowPolicy Overflow { get; init; } = OverflowPolicy.DropNewest;

    /// <summary>The priority function of a priority mailbox (lower runs first).</summary>
    public Func<object, int>? Priority { get; init; }

    /// <summary>A bounded mailbox.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is not positive.</exception>
    public static MailboxOptions Bounded(int capacity, OverflowPolicy overflow = OverflowPolicy.DropNewest)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        return new MailboxOptions { Kind = MailboxKind.Bounded, Capacity = capacity, Overflow = overflow };
    }

    /// <summary>A priority mailbox.</summary>
    public static MailboxOptions WithPriority(Func<object, int> priority)
    {
        ArgumentNullException.ThrowIfNull(priority);
        return new MailboxOptions { Kind = MailboxKind.Priority, Priority = priority };
    }

    internal IMessageQueue CreateQueue() => Kind switch
    {
        MailboxKind.Bounded => new BoundedMessageQueue(Capacity, Overflow),
        MailboxKind.Priority => new PriorityMessageQueue(Priority!),
        _ => new UnboundedMessageQueue(),
    };
}
