using System.Diagnostics.CodeAnalysis;
using System.Dynamic;
using System.Text;
using ActorProc.Multiprocessing.Managers;

namespace ActorProc.Multiprocessing;

/// <summary>
/// A bag of named values that lives in a manager process, as Python's <c>manager.Namespace()</c>:
/// <c>ns["x"] = 1; int x = ns.Get&lt;int&gt;("x");</c>, or through <c>dynamic</c>: <c>dynamic d = ns; d.x = 1;</c>.
/// Every access is one request to the manager process; values are copies (as Python's, a mutable value changed
/// after it was read is not changed in the namespace: set it again). Serializable: capture it in a process target
/// or send it; it works in any process that can reach the manager.
/// </summary>
/// <remarks>Created by <see cref="Manager.Namespace()"/> (a new one) or <see cref="Manager.Namespace(string)"/> (the manager's
/// namespace of that name, which every client of the manager finds). Calls throw <see cref="OwnerProcessGoneException"/> once the manager is shut down or its process died.</remarks>
public sealed class Namespace : DynamicObject
{
    private readonly DictProxy<string, object?> _entries;

    internal Namespace(ProxyChannel channel) => _entries = new DictProxy<string, object?>(channel);

    /// <summary>The value named <paramref name="name"/>; setting adds or replaces it.</summary>
    /// <param name="name">The name (not empty).</param>
    /// <exception cref="KeyNotFoundException">Get: there is no value with that name.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or the value cannot cross a process (the message names the field and type).</exception>
    /// <exception cref="OwnerProcessGoneException">The manager is gone.</exception>
    public object? this[string name]
    {
        get => TryGet<object?>(name, out var value) ? value : throw Missing(name);
        set => _entries[CheckName(name)] = value;
    }

    /// <summary>The value named <paramref name="name"/> as a <typeparamref name="T"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is no value with that name.</exception>
    /// <exception cref="InvalidCastException">The value is not a <typeparamref name="T"/> (the message names both types).</exception>
    public T Get<T>(string name) => TryGet<T>(name, out var value) ? value : throw Missing(name);

    /// <summary>The value named <paramref name="name"/> as a <typeparamref name="T"/>, if there is one.</summary>
    /// <returns>False when there is no value with that name.</returns>
    /// <exception cref="InvalidCastException">The value is not a <typeparamref name="T"/> (the message names both types).</exception>
    public bool TryGet<T>(string name, [MaybeNullWhen(false)] out T value)
    {
        if (!_entries.TryGetValue(CheckName(name), out var stored))
        {
            value = default;
            return false;
        }

        if (stored is T typed)
        {
            value = typed;
            return true;
        }

        if (stored is null && default(T) is null)
        {
            value = default!;
            return true;
        }

        throw new InvalidCastException($"Namespace value '{name}' is {(stored is null ? "null" : "a " + stored.GetType().FullName)}, not a {typeof(T).FullName}.");
    }

    /// <summary>Sets the value named <paramref name="name"/> (as the indexer).</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or the value cannot cross a process.</exception>
    public void Set(string name, object? value) => this[name] = value;

    /// <summary>Whether there is a value named <paramref name="name"/>.</summary>
    public bool Contains(string name) => _entries.ContainsKey(CheckName(name));

    /// <summary>Removes the value named <paramref name="name"/>.</summary>
    /// <returns>False when there was none.</returns>
    public bool Remove(string name) => _entries.Remove(CheckName(name));

    /// <summary>A snapshot of every name and value.</summary>
    public Dictionary<string, object?> ToDictionary() => new(_entries);

    /// <inheritdoc />
    public override bool TryGetMember(GetMemberBinder binder, out object? result)
    {
        ArgumentNullException.ThrowIfNull(binder);
        return TryGet(binder.Name, out result);
    }

    /// <inheritdoc />
    public override bool TrySetMember(SetMemberBinder binder, object? value)
    {
        ArgumentNullException.ThrowIfNull(binder);
        this[binder.Name] = value;
        return true;
    }

    /// <inheritdoc />
    public override bool TryDeleteMember(DeleteMemberBinder binder)
    {
        ArgumentNullException.ThrowIfNull(binder);
        return Remove(binder.Name);
    }

    /// <inheritdoc />
    public override IEnumerable<string> GetDynamicMemberNames() => _entries.Keys;

    /// <summary>The values as Python prints a namespace: <c>Namespace(x=1, name='a')</c> (a snapshot).</summary>
    public override string ToString()
    {
        var text = new StringBuilder("Namespace(");
        bool first = true;
        foreach (var (name, value) in _entries)
        {
            if (!first)
            {
                text.Append(", ");
            }

            first = false;
            text.Append(name).Append('=');
            ProxyText.Append(text, value);
        }

        return text.Append(')').ToString();
    }

    private static string CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return name;
    }

    private static KeyNotFoundException Missing(string name) => new($"The namespace has no value named '{name}'.");
}
