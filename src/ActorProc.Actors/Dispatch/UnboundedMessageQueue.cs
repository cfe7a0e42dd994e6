using System.Collections.Concurrent;

namespace ActorProc.Actors.Dispatch;

/// <summary>
/// The default queue: a lock-free <see cref="ConcurrentQueue{T}"/> of struct envelopes. Its ring segments are
/// reused while the queue stays under a segment's size, so a steady flow of messages allocates nothing.
/// </summary>
internal sealed class UnboundedMessageQueue : IMessageQueue
{
    private readonly ConcurrentQueue<Envelope> _queue = new();

    public bool HasMessages => !_queue.IsEmpty;

    public int Count => _queue.Count;

    public bool TryEnqueue(in Envelope envelope, out Envelope dropped, out bool displaced)
    {
        _queue.Enqueue(envelope);
        dropped = default;
        displaced = false;
        return true;
    }

    public bool TryDequeue(out Envelope envelope) => _queue.TryDequeue(out envelope);
}
