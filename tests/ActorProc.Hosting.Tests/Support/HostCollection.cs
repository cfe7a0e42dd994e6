namespace ActorProc.Hosting.Tests.Support;

/// <summary>A process has one ActorProc runtime, so the specs that host it run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection
{
    public const string Name = "hosted-runtime";
}
