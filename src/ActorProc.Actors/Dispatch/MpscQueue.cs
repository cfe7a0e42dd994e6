namespace ActorProc.Actors.Dispatch;

/// <summary>
/// A lock-free multi-producer, single-consumer FIFO built from ring segments (Vyukov's bounded queue with
/// per-slot sequence numbers). The first segment has 4 slots, so an idle actor's mailbox costs little; a full
/// segment is frozen and a twice larger one (up to 1024 slots) is linked after it. While the queue stays
/// within its current segment the ring is reused, so steady-state enqueues allocate nothing.
/// </summary>
/// <remarks>
/// Rules: any thread may call <see cref="Enqueue"/>; only one thread at a time may call
/// <see cref="TryDequeue"/> (the mailbox run, or a caller holding the owner's drain lock once the mailbox is
/// closed). Freezing adds a large offset to a segment's tail so that a producer holding a stale position
/// fails its CAS and sees the segment as full; the consumer leaves a frozen segment only after every
/// position reserved before the freeze has been written.
/// </remarks>
internal sealed class MpscQueue<T>
{
    private const int InitialCapacity = 4;
    private const int MaxCapacity = 1024;

    private volatile Segment _head;
    private volatile Segment _tail;

    public MpscQueue()
    {
        _head = _tail = new Segment(InitialCapacity);
    }

    /// <summary>True when an item is queued or being written (may be briefly true before the item is readable).</summary>
    public bool HasItems
    {
        get
        {
            var head = _head;
            return head.HasItems || head.Next is not null;
        }
    }

    /// <summary>Approximate number of queued items.</summary>
    public int Count
    {
        get
        {
            long count = 0;
            for (var segment = _head; segment is not null; segment = segment.Next)
            {
                count += segment.Count;
            }

            return (int)Math.Min(count, int.MaxValue);
        }
    }

    public void Enqueue(in T item)
    {
        while (true)
        {
            var tail = _tail;
            if (tail.TryEnqueue(item))
            {
                return;
            }

            lock (this)
            {
                if (_tail == tail)
                {
                    tail.Freeze();
                    var next = new Segment(Math.Min(tail.Capacity * 2, MaxCapacity));
                    tail.Next = next;
                    _tail = next;
                }
            }
        }
    }

    public bool TryDequeue(out T item)
    {
        while (true)
        {
            var head = _head;
            if (head.TryDequeue(out item))
            {
                return true;
            }

            var next = head.Next;
            if (next is null)
            {
                return false;
            }

            // The segment is frozen: take what producers reserved before the freeze, waiting for slow writers.
            var spinner = new SpinWait();
            while (!head.IsDrained)
            {
                if (head.TryDequeue(out item))
                {
                    return true;
                }

                spinner.SpinOnce(sleep1Threshold: -1);
            }

            _head = next;
        }
    }

    private sealed class Segment
    {
        private readonly Slot[] _slots;
        private readonly int _mask;
        private long _freezeOffset;
        private long _tail;
        private long _head;

        public Segment(int capacity)
        {
            Capacity = capacity;
            _mask = capacity - 1;
            _slots = new Slot[capacity];
            for (var i = 0; i < capacity; i++)
            {
                _slots[i].Sequence = i;
            }
        }

        public int Capacity { get; }

        public volatile Segment? Next;

        public bool HasItems => RealTail > Volatile.Read(ref _head);

        public long Count => Math.Max(0, RealTail - Volatile.Read(ref _head));

        /// <summary>True once frozen and every reserved position has been taken.</summary>
        public bool IsDrained => Volatile.Read(ref _freezeOffset) != 0 && _head >= RealTail;

        private long RealTail => Volatile.Read(ref _tail) - Volatile.Read(ref _freezeOffset);

        public bool TryEnqueue(in T item)
        {
            var slots = _slots;
            while (true)
            {
                var position = Volatile.Read(ref _tail);
                ref var slot = ref slots[position & _mask];
                var diff = Volatile.Read(ref slot.Sequence) - position;
                if (diff == 0)
                {
                    if (Interlocked.CompareExchange(ref _tail, position + 1, position) == position)
                    {
                        slot.Item = item;
                        Volatile.Write(ref slot.Sequence, position + 1);
                        return true;
                    }
                }
                else if (diff < 0)
                {
                    return false;
                }
            }
        }

        public bool TryDequeue(out T item)
        {
            var position = _head;
            ref var slot = ref _slots[position & _mask];
            if (Volatile.Read(ref slot.Sequence) - (position + 1) == 0)
            {
                item = slot.Item;
                slot.Item = default!;
                Volatile.Write(ref _head, position + 1);
                Volatile.Write(ref slot.Sequence, position + Capacity);
                return true;
            }

            item = default!;
            return false;
        }

        /// <summary>Stops further enqueues: a producer with a stale position now sees the segment as full.</summary>
        public void Freeze()
        {
            var offset = 2L * Capacity + 1;
            Volatile.Write(ref _freezeOffset, offset);
            Interlocked.Add(ref _tail, offset);
        }
    }

    private struct Slot
    {
        public T Item;
        public long Sequence;
    }
}
