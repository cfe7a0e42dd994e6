namespace ActorProc.Multiprocessing.Managers;

/// <summary>
/// The contents of a manager list, in the manager process, behind its <see cref="StoreOwner"/> (which serializes the
/// calls). Items stay the bytes their writer made; they are read here only to compare them (<c>IndexOf</c>, <c>Remove</c>), with <see cref="object.Equals(object?, object?)"/>.
/// </summary>
internal sealed class ListStore
{
    private readonly List<byte[]> _items = [];

    /// <summary>Runs one request and returns the reply (a result or a <see cref="ProxyFault"/>).</summary>
    public object Handle(ProxyRequest request)
    {
        switch (request.Op)
        {
            case ProxyOp.Count:
                return _items.Count;
            case ProxyOp.Clear:
                _items.Clear();
                return StoreReplies.True;
            case ProxyOp.Snapshot:
                return StoreReplies.Snapshot([], [.. _items]);
            case ProxyOp.Get:
                return (object?)InRange(request.Index, _items.Count) ?? _items[request.Index];
            case ProxyOp.Set when request.Value is not null:
                if (InRange(request.Index, _items.Count) is { } outside)
                {
                    return outside;
                }

                _items[request.Index] = request.Value;
                return StoreReplies.True;
            case ProxyOp.Add when request.Value is not null:
                _items.Add(request.Value);
                return StoreReplies.True;
            case ProxyOp.Insert when request.Value is not null:
                if (InRange(request.Index, _items.Count, insert: true) is { } beyond)
                {
                    return beyond;
                }

                _items.Insert(request.Index, request.Value);
                return StoreReplies.True;
            case ProxyOp.RemoveAt:
                if (InRange(request.Index, _items.Count) is { } missing)
                {
                    return missing;
                }

                _items.RemoveAt(request.Index);
                return StoreReplies.True;
            case ProxyOp.IndexOf:
            case ProxyOp.Remove:
                return Find(request);
            default:
                return new ProxyFault(ProxyFaultKind.Unreadable, $"A list does not take {request.Op} requests.");
        }
    }

    private static ProxyFault? InRange(int index, int count, bool insert = false) =>
        index >= 0 && (index < count || insert && index == count)
            ? null
            : new ProxyFault(ProxyFaultKind.IndexOutOfRange, insert
                ? $"Index must be within the bounds of the List (0 to {count}); it was {index}."
                : $"Index was out of range. Must be non-negative and less than the size of the collection ({count}); it was {index}.");

    private object Find(ProxyRequest request)
    {
        if (!StoreReplies.TryRead(request.Value, "item", out var given, out var fault))
        {
            return fault!;
        }

        for (int i = 0; i < _items.Count; i++)
        {
            if (!StoreReplies.TryRead(_items[i], "stored item", out var stored, out fault))
            {
                return fault!;
            }

            if (Equals(stored, given))
            {
                if (request.Op == ProxyOp.IndexOf)
                {
                    return i;
                }

                _items.RemoveAt(i);
                return StoreReplies.True;
            }
        }

        return request.Op == ProxyOp.IndexOf ? -1 : StoreReplies.False;
    }
}
