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
