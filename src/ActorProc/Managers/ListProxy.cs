using System.Collections;
using System.Text;

namespace ActorProc.Multiprocessing.Managers;

/// <summary>
/// A list that lives in a manager process (<see cref="Manager.List{T}"/>), with the semantics of <see cref="List{T}"/>:
/// each member is one request to the owner there (an index outside the list throws
/// <see cref="ArgumentOutOfRangeException"/>), enumeration is over a snapshot, equality (<see cref="IndexOf"/>,
/// <see cref="Contains"/>, <see cref="Remove"/>) is <see cref="object.Equals(object?, object?)"/> in the manager
/// process. Serializable: capture it in a process target or send it.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ListProxy<T> : IList<T>
{
    private readonly ProxyChannel _channel;

    public ListProxy(ProxyChannel channel) => _channel = channel;

    public int Count => (int)_channel.Call(ProxyOp.Count);

    public bool IsReadOnly => false;

    public T this[int index]
    {
        get => _channel.Read<T>((byte[])_channel.Call(ProxyOp.Get, CheckIndex(index)));
        set => _channel.Call(ProxyOp.Set, CheckIndex(index), value: _channel.Write(value, nameof(value)));
    }

    public void Add(T item) => _channel.Call(ProxyOp.Add, value: _channel.Write(item, nameof(item)));

    public void Clear() => _channel.Call(ProxyOp.Clear);

    public bool Contains(T item) => IndexOf(item) >= 0;

    public void CopyTo(T[] array, int arrayIndex) => ProxyChannel.CopySnapshot(Snapshot, array, arrayIndex);

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(T item) => (int)_channel.Call(ProxyOp.IndexOf, value: _channel.Write(item, nameof(item)));

    public void Insert(int index, T item) => _channel.Call(ProxyOp.Insert, CheckIndex(index), value: _channel.Write(item, nameof(item)));

    public bool Remove(T item) => _channel.CallBool(ProxyOp.Remove, value: _channel.Write(item, nameof(item)));

    public void RemoveAt(int index) => _channel.Call(ProxyOp.RemoveAt, CheckIndex(index));

    /// <summary>The items as Python prints a list: <c>[1, 2, 3]</c> (a snapshot).</summary>
    public override string ToString()
    {
        var text = new StringBuilder("[");
        foreach (var item in Snapshot())
        {
            if (text.Length > 1)
            {
                text.Append(", ");
            }

            ProxyText.Append(text, item);
        }

        return text.Append(']').ToString();
    }

    private static int CheckIndex(int index) =>
        index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(index), index, "Index was out of range. Must be non-negative and less than the size of the collection.");

    private List<T> Snapshot() => [.. ((ProxyItems)_channel.Call(ProxyOp.Snapshot)).Values.Select(_channel.Read<T>)];
}
