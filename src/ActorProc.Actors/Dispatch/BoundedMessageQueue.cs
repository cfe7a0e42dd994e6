using System.Collections.Concurrent;

namespace ActorProc.Actors.Dispatch;

/// <summary>
/// A FIFO with a capacity. The count is kept with interlocked operations; when full, the policy says whether
/// the newest message is refused, the oldest is displaced, or the sender gets an exception.
/// </summary>
internal sealed class BoundedMessageQueue(int capacity, OverflowPolicy policy) : IMessageQueue
{
    private readonly ConcurrentQueue<Envelope> _queue = new();
    private int _count;

    public int Capacity { get; } = capacity;

    public OverflowPolicy Policy { get; } = policy;

    public bool HasMessages => Volatile.Read(ref _count) > 0;

    public int Count => Volatile.Read(ref _count);

    public bool TryEnqueue(in Envelope envelope, out Envelope dropped, out bool displaced)
    {
        displaced = false;
        while (true)
        {
            var count = Volatile.Read(ref _count);
            if (count < Capacity)
            {
                if (Interlocked.CompareExchange(ref _count, count + 1, count) == count)
                {
                    _queue.Enqueue(envelope);
                    dropped = default;
                    return true;
                }

                continue;
            }

            switch (Policy)
            {
                case OverflowPolicy.DropOldest when _queue.TryDequeue(out dropped):
                    // The count is unchanged: one out, one in.
                    _queue.Enqueue(envelope);
                    displaced = true;
                    return true;
                case OverflowPolicy.DropOldest:
                    continue;
                case OverflowPolicy.Throw:
                    throw new MailboxOverflowException(
                        $"The mailbox is full ({Capacity} messages); message of type {envelope.Message.GetType().Name} was refused.");
                default:
                    dropped = envelope;
                    return false;
            }
        }
    }

    public bool TryDequeue(out Envelope envelope)
    {
        if (_queue.TryDequeue(out envelope))
        {
            Interlocked.Decrement(ref _count);
            return true;
        }

        return false;
    }
}
