using System.Collections;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace ActorProc.Multiprocessing.Managers;

/// <summary>
/// A dictionary that lives in a manager process (<see cref="Manager.Dict{TKey, TValue}"/>), with the semantics of
/// <see cref="Dictionary{TKey, TValue}"/>: each member is one request to the owner there, enumeration and
/// <see cref="Keys"/>/<see cref="Values"/> are snapshots. Serializable: capture it in a process target or send it.
/// </summary>
/// <typeparam name="TKey">The key type (the manager process must have it: it compares keys).</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class DictProxy<TKey, TValue> : IDictionary<TKey, TValue>
    where TKey : notnull
{
    private readonly ProxyChannel _channel;

    public DictProxy(ProxyChannel channel) => _channel = channel;

    public ICollection<TKey> Keys
    {
        get
        {
            var items = (ProxyItems)_channel.Call(ProxyOp.Keys);
            return new ReadOnlyCollection<TKey>([.. items.Keys.Select(_channel.Read<TKey>)]);
        }
    }

    public ICollection<TValue> Values => new ReadOnlyCollection<TValue>([.. Snapshot().Select(pair => pair.Value)]);

    public int Count => (int)_channel.Call(ProxyOp.Count);

    public bool IsReadOnly => false;

    public TValue this[TKey key]
    {
        get => _channel.Read<TValue>((byte[])_channel.Call(ProxyOp.Get, key: WriteKey(key)));
        set => _channel.Call(ProxyOp.Set, key: WriteKey(key), value: _channel.Write(value, nameof(value)));
    }

    public void Add(TKey key, TValue value) => _channel.Call(ProxyOp.Add, key: WriteKey(key), value: _channel.Write(value, nameof(value)));

    public void Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);

    public void Clear() => _channel.Call(ProxyOp.Clear);

    public bool Contains(KeyValuePair<TKey, TValue> item) =>
        _channel.CallBool(ProxyOp.ContainsPair, key: WriteKey(item.Key), value: _channel.Write(item.Value, "value"));

    public bool ContainsKey(TKey key) => _channel.CallBool(ProxyOp.ContainsKey, key: WriteKey(key));

    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => ProxyChannel.CopySnapshot(Snapshot, array, arrayIndex);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Remove(TKey key) => _channel.CallBool(ProxyOp.Remove, key: WriteKey(key));

    public bool Remove(KeyValuePair<TKey, TValue> item) =>
        _channel.CallBool(ProxyOp.RemovePair, key: WriteKey(item.Key), value: _channel.Write(item.Value, "value"));

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_channel.Call(ProxyOp.TryGet, key: WriteKey(key)) is byte[] bytes)
        {
            value = _channel.Read<TValue>(bytes);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The entries as Python prints a dict: <c>{'a': 1, 'b': 2}</c> (a snapshot).</summary>
    public override string ToString()
    {
        var text = new StringBuilder("{");
        foreach (var (key, value) in Snapshot())
        {
            if (text.Length > 1)
            {
                text.Append(", ");
            }

            ProxyText.Append(text, key);
            text.Append(": ");
            ProxyText.Append(text, value);
        }

        return text.Append('}').ToString();
    }

    private List<KeyValuePair<TKey, TValue>> Snapshot()
    {
        var items = (ProxyItems)_channel.Call(ProxyOp.Snapshot);
        var entries = new List<KeyValuePair<TKey, TValue>>(items.Keys.Length);
        for (int i = 0; i < items.Keys.Length; i++)
        {
            entries.Add(new(_channel.Read<TKey>(items.Keys[i]), _channel.Read<TValue>(items.Values[i])));
        }

        return entries;
    }

    private byte[] WriteKey(TKey key) => key is null ? throw new ArgumentNullException(nameof(key)) : _channel.Write(key, nameof(key));
}
