namespace ActorProc.Multiprocessing.Queues;

/// <summary>A growable FIFO of <see cref="QueueItem"/>s that can also put items back at the front (no allocation per item). Not thread-safe.</summary>
internal sealed class ItemRing
{
    private QueueItem[] _items = new QueueItem[16];
    private int _head;
    private int _count;

    /// <summary>The number of items.</summary>
    public int Count => _count;

    /// <summary>The item at <paramref name="index"/> from the front.</summary>
    public QueueItem this[int index] => _items[(_head + index) & (_items.Length - 1)];

    /// <summary>Appends <paramref name="item"/>.</summary>
    public void AddLast(QueueItem item)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        _items[(_head + _count) & (_items.Length - 1)] = item;
        _count++;
    }

    /// <summary>Puts <paramref name="item"/> before every other item.</summary>
    public void AddFirst(QueueItem item)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        _head = (_head - 1) & (_items.Length - 1);
        _items[_head] = item;
        _count++;
    }

    /// <summary>Puts every item of <paramref name="other"/>, in its order, before every item here, and empties <paramref name="other"/>.</summary>
    public void MoveToFront(ItemRing other)
    {
        for (int i = other._count - 1; i >= 0; i--)
        {
            AddFirst(other[i]);
        }

        other.Clear();
    }

    /// <summary>Removes and returns the first item.</summary>
    /// <exception cref="InvalidOperationException">The ring is empty.</exception>
    public QueueItem RemoveFirst()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The item ring is empty.");
        }

        var item = _items[_head];
        _items[_head] = default;
        _head = (_head + 1) & (_items.Length - 1);
        _count--;
        return item;
    }

    /// <summary>Removes every item.</summary>
    public void Clear()
    {
        Array.Clear(_items);
        _head = 0;
        _count = 0;
    }

    private void Grow()
    {
        var bigger = new QueueItem[_items.Length * 2];
        for (int i = 0; i < _count; i++)
        {
            bigger[i] = this[i];
        }

        _items = bigger;
        _head = 0;
    }
}
