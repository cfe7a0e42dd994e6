namespace ActorProc.Actors.Dispatch;

/// <summary>
/// Orders messages by a priority function (lower first) and by arrival among equal priorities. A priority
/// heap cannot be lock-free, so a short lock guards it.
/// </summary>
internal sealed class PriorityMessageQueue(Func<object, int> priority) : IMessageQueue
{
    private readonly PriorityQueue<Envelope, (int Priority, long Sequence)> _heap = new();
    private readonly Lock _gate = new();
    private long _sequence;
    private int _count;

    public bool HasMessages => Volatile.Read(ref _count) > 0;

    public int Count => Volatile.Read(ref _count);

    public bool TryEnqueue(in Envelope envelope, out Envelope dropped, out bool displaced)
    {
        var p = priority(envelope.Message);
        lock (_gate)
        {
            _heap.Enqueue(envelope, (p, _sequence++));
            _count = _heap.Count;
        }

        dropped = default;
        displaced = false;
        return true;
    }

    public bool TryDequeue(out Envelope envelope)
    {
        lock (_gate)
        {
            var ok = _heap.TryDequeue(out envelope, out _);
            _count = _heap.Count;
            return ok;
        }
    }
}
