namespace ActorProc.Actors.Dispatch;

/// <summary>
/// The default queue: a lock-free <see cref="MpscQueue{T}"/> of struct envelopes. It starts small (an idle
/// actor stays cheap) and its ring is reused while the queue stays within a segment, so a steady flow of
/// messages allocates nothing.
/// </summary>
internal sealed class UnboundedMessageQueue : IMessageQueue
{
    private readonly MpscQueue<Envelope> _queue = new();

    public bool HasMessages => _queue.HasItems;

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
