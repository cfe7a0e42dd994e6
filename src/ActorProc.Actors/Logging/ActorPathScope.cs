using System.Collections;

namespace ActorProc.Actors;

/// <summary>
/// The logging scope around an actor's log event: one property, <c>ActorPath</c> (for structured log sinks); as text
/// (a console logger with scopes), the path itself.
/// </summary>
internal sealed class ActorPathScope(string actorPath) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string Key = "ActorPath";

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(Key, actorPath) : throw new ArgumentOutOfRangeException(nameof(index), index, "An actor path scope has one property.");

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => actorPath;
}
