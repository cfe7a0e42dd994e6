namespace ActorProc.Multiprocessing.Managers;

// Requests of Dict/List proxies to their owners (StoreOwner) in the manager process, and the replies. Keys, values and
// items travel as the bytes the caller serialized them to: the owner reads keys (it needs their equality) and reads
// stored values only to compare them; values go back to readers as stored, so the actor refs inside them resolve
// in the reader's process, as queue items do.

/// <summary>What a proxy asks of its owner.</summary>
internal enum ProxyOp : byte
{
    /// <summary>Dict: the value of a key (<see cref="ProxyFaultKind.KeyNotFound"/> when absent). List: the item at an index.</summary>
    Get,

    /// <summary>Dict: the value of a key, or false when absent.</summary>
    TryGet,

    /// <summary>Dict: sets a key's value. List: replaces the item at an index.</summary>
    Set,

    /// <summary>Dict: adds a key (<see cref="ProxyFaultKind.DuplicateKey"/> when present). List: appends an item.</summary>
    Add,

    /// <summary>List: inserts an item at an index (0 to Count).</summary>
    Insert,

    /// <summary>Dict: removes a key (bool). List: removes the first item equal to the value (bool).</summary>
    Remove,

    /// <summary>Dict: removes a key if its value equals the value (bool).</summary>
    RemovePair,

    /// <summary>List: removes the item at an index.</summary>
    RemoveAt,

    /// <summary>Dict: whether a key is present (bool).</summary>
    ContainsKey,

    /// <summary>Dict: whether a key is present with a value equal to the value (bool).</summary>
    ContainsPair,

    /// <summary>List: the index of the first item equal to the value, or -1.</summary>
    IndexOf,

    /// <summary>The number of entries or items (int).</summary>
    Count,

    /// <summary>Removes everything.</summary>
    Clear,

    /// <summary>A snapshot: <see cref="ProxyItems"/> (dict keys and values, or list items as values).</summary>
    Snapshot,

    /// <summary>Dict: a snapshot of the keys only (<see cref="ProxyItems"/> without values).</summary>
    Keys,
}

/// <summary>Why an owner refused a request.</summary>
internal enum ProxyFaultKind : byte
{
    /// <summary>The key is absent: <see cref="KeyNotFoundException"/>.</summary>
    KeyNotFound,

    /// <summary>The key is present already: <see cref="ArgumentException"/>.</summary>
    DuplicateKey,

    /// <summary>The index is outside the list: <see cref="ArgumentOutOfRangeException"/>.</summary>
    IndexOutOfRange,

    /// <summary>The manager process could not read a key or value (its type is unknown there): <see cref="InvalidOperationException"/>.</summary>
    Unreadable,

    /// <summary>The request threw in the manager process (e.g. a key's <c>Equals</c>): <see cref="InvalidOperationException"/>.</summary>
    Failed,
}

/// <summary>One request of a proxy; the owner replies once (a result, or a <see cref="ProxyFault"/>).</summary>
internal sealed record ProxyRequest(ProxyOp Op, int Index, byte[]? Key, byte[]? Value);

/// <summary>A refused request; the proxy throws the matching exception in the caller's process.</summary>
internal sealed record ProxyFault(ProxyFaultKind Kind, string Message)
{
    /// <summary>The exception the caller sees.</summary>
    public Exception ToException() => Kind switch
    {
        ProxyFaultKind.KeyNotFound => new KeyNotFoundException(Message),
        ProxyFaultKind.DuplicateKey => new ArgumentException(Message, "key"),
        ProxyFaultKind.IndexOutOfRange => new ArgumentOutOfRangeException("index", Message),
        _ => new InvalidOperationException(Message),
    };
}

/// <summary>A snapshot: dict keys with their values (same order), or list items (in <paramref name="Values"/>).</summary>
internal sealed record ProxyItems(byte[][] Keys, byte[][] Values);
