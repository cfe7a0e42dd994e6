using System.Collections.Concurrent;
using ActorProc.Actors.Dispatch;

namespace ActorProc.Actors;

/// <summary>
/// <c>/temp</c>: holds short-lived refs (ask promises) that must be resolvable by path, e.g. when a reply
/// comes back over the network. Promises register only when their path is first needed.
/// </summary>
internal sealed class TempContainer(ActorPath path, InternalActorRef parent) : InternalActorRef
{
    private readonly ConcurrentDictionary<string, InternalActorRef> _children = new(StringComparer.Ordinal);
    private long _counter;

    public override ActorPath Path { get; } = path;

    public override InternalActorRef? Parent { get; } = parent;

    public override ActorSystem? OwnerSystem => Parent?.OwnerSystem;

    public ActorPath NewTempPath() => Path.Child("$" + Interlocked.Increment(ref _counter).ToString("x", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// A path for a long-lived ref registered here by a subsystem (pipe endpoints, pool inboxes, manager stores): named
    /// <paramref name="prefix"/> plus a random uid in hex, with that uid, so that a ref that comes back after its
    /// owner is gone never resolves to another one.
    /// </summary>
    public ActorPath NewUniquePath(string prefix)
    {
        long uid;
        do
        {
            uid = Random.Shared.NextInt64();
        }
        while (uid == ActorPath.UndefinedUid);

        return Path.Child(prefix + uid.ToString("x", System.Globalization.CultureInfo.InvariantCulture), uid);
    }

    public void Add(InternalActorRef child) => _children[child.Path.Name] = child;

    public void Remove(InternalActorRef child) => _children.TryRemove(KeyValuePair.Create(child.Path.Name, child));

    public override InternalActorRef? GetChild(string name) => _children.TryGetValue(name, out var child) ? child : null;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
    }
}
