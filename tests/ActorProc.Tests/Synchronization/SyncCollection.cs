namespace ActorProc.Tests.Synchronization;

/// <summary>
/// The synchronization specs run one after another, and not beside other collections: each starts several
/// children, and starting many at once on a small, busy machine can starve a child long enough (3 s) for
/// remoting's failure detector to declare a live process dead.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SyncCollection
{
    public const string Name = "synchronization";
}
