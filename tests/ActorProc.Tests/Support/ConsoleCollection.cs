namespace ActorProc.Tests.Support;

/// <summary>Tests that replace the process-wide console writers run in this collection, never beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
