namespace ActorProc.Tests.Shared;

/// <summary>The shared value and array specs run one after another and not beside other collections (they start children, see <c>SyncCollection</c>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedCollection
{
    public const string Name = "shared-memory";
}
