namespace ActorProc.Tests.Support;

/// <summary>Tests that count the process-wide spare children run in this collection, never beside another test that could take a spare.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SpareCollection
{
    public const string Name = "spares";
}
