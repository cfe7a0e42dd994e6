namespace ActorProc.Multiprocessing.Managers;

/// <summary>
/// The contents of a manager dictionary (or namespace), in the manager process, behind its <see cref="StoreOwner"/>
/// (which serializes the calls). Keys are read here (their .NET equality decides, as in a
/// <see cref="Dictionary{TKey, TValue}"/>), values stay the bytes their writer made and are read only to compare them.
/// Entries keep insertion order until a removal (as <see cref="Dictionary{TKey, TValue}"/>).
/// </summary>
internal sealed class DictStore
{
    private readonly Dictionary<object, Entry> _entries = [];

    /// <summary>Runs one request and returns the reply (a result or a <see cref="ProxyFault"/>).</summary>
    public object Handle(ProxyRequest request)
    {
        switch (request.Op)
        {
            case ProxyOp.Count:
                return _entries.Count;
            case ProxyOp.Clear:
                _entries.Clear();
                return StoreReplies.True;
            case ProxyOp.Snapshot:
                return StoreReplies.Snapshot([.. _entries.Values.Select(e => e.Key)], [.. _entries.Values.Select(e => e.Value)]);
            case ProxyOp.Keys:
                return StoreReplies.Snapshot([.. _entries.Values.Select(e => e.Key)], []);
        }

        if (!StoreReplies.TryRead(request.Key, "key", out var key, out var fault))
        {
            return fault!;
        }

        if (key is null)
        {
            return new ProxyFault(ProxyFaultKind.Unreadable, "A key must not be null.");
        }

        switch (request.Op)
        {
            case ProxyOp.Get:
                return _entries.TryGetValue(key, out var found)
                    ? found.Value
                    : new ProxyFault(ProxyFaultKind.KeyNotFound, $"The given key '{key}' was not present in the dictionary.");
            case ProxyOp.TryGet:
                return _entries.TryGetValue(key, out var maybe) ? maybe.Value : StoreReplies.False;
            case ProxyOp.Set when request.Value is not null:
                _entries[key] = new Entry(request.Key!, request.Value);
                return StoreReplies.True;
            case ProxyOp.Add when request.Value is not null:
                return _entries.TryAdd(key, new Entry(request.Key!, request.Value))
                    ? StoreReplies.True
                    : new ProxyFault(ProxyFaultKind.DuplicateKey, $"An item with the same key has already been added. Key: {key}");
            case ProxyOp.Remove:
                return StoreReplies.Box(_entries.Remove(key));
            case ProxyOp.ContainsKey:
                return StoreReplies.Box(_entries.ContainsKey(key));
            case ProxyOp.ContainsPair:
            case ProxyOp.RemovePair:
                return ComparePair(key, request);
            default:
                return new ProxyFault(ProxyFaultKind.Unreadable, $"A dictionary does not take {request.Op} requests.");
        }
    }

    // ICollection<KeyValuePair> semantics: the key is present and its value equals the given one (then removed, for RemovePair).
    private object ComparePair(object key, ProxyRequest request)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return StoreReplies.False;
        }

        if (!StoreReplies.TryRead(entry.Value, "stored value", out var stored, out var fault) ||
            !StoreReplies.TryRead(request.Value, "value", out var given, out fault))
        {
            return fault!;
        }

        bool equal = Equals(stored, given);
        if (equal && request.Op == ProxyOp.RemovePair)
        {
            _entries.Remove(key);
        }

        return StoreReplies.Box(equal);
    }

    /// <summary>An entry: the key as its writer serialized it (snapshots send it back as is) and the value's bytes.</summary>
    private readonly record struct Entry(byte[] Key, byte[] Value);
}
