using System.Collections.Concurrent;

namespace ActorProc.Actors;

/// <summary>
/// The children of one actor by name. A name is reserved before the child exists, so two concurrent
/// <c>ActorOf</c> calls with one name cannot both win. Readable from any thread (selections walk it);
/// restart bookkeeping is changed only by the parent's own mailbox run.
/// </summary>
internal sealed class ChildrenRegistry
{
    private static readonly ChildRestartStats Reserved = new(NobodyRef.Instance);

    private static readonly ConcurrentDictionary<string, ChildRestartStats> None = new(StringComparer.Ordinal);

    // Created on the first child, so that a leaf actor carries no dictionary.
    private ConcurrentDictionary<string, ChildRestartStats>? _map;

    private ConcurrentDictionary<string, ChildRestartStats> _children => Volatile.Read(ref _map) ?? None;

    public bool IsEmpty => _children.IsEmpty;

    public IEnumerable<InternalActorRef> Children
    {
        get
        {
            foreach (var entry in _children)
            {
                if (!ReferenceEquals(entry.Value, Reserved))
                {
                    yield return (InternalActorRef)entry.Value.Child;
                }
            }
        }
    }

    public IEnumerable<ChildRestartStats> Stats => _children.Values.Where(s => !ReferenceEquals(s, Reserved));

    public bool AnyStopping => _children.Values.Any(s => s.Stopping);

    public void Reserve(string name, ActorPath parentPath)
    {
        var map = Volatile.Read(ref _map);
        if (map is null)
        {
            Interlocked.CompareExchange(ref _map, new ConcurrentDictionary<string, ChildRestartStats>(StringComparer.Ordinal), null);
            map = _map!;
        }

        if (!map.TryAdd(name, Reserved))
        {
            throw new InvalidActorNameException($"Actor name '{name}' is not unique: {parentPath} already has a child with that name.");
        }
    }

    public void Unreserve(string name) => _children.TryRemove(KeyValuePair.Create(name, Reserved));

    public void Initialize(string name, InternalActorRef child) => _map![name] = new ChildRestartStats(child);

    public InternalActorRef? Get(string name) =>
        _children.TryGetValue(name, out var stats) && !ReferenceEquals(stats, Reserved) ? (InternalActorRef)stats.Child : null;

    public ChildRestartStats? GetStats(IActorRef child) =>
        _children.TryGetValue(child.Path.Name, out var stats) && stats.Child.Equals(child) ? stats : null;

    public void MarkStopping(IActorRef child)
    {
        if (GetStats(child) is { } stats)
        {
            stats.Stopping = true;
        }
    }

    public bool Remove(IActorRef child) =>
        _children.TryGetValue(child.Path.Name, out var stats) && stats.Child.Equals(child) &&
        _children.TryRemove(KeyValuePair.Create(child.Path.Name, stats));
}
