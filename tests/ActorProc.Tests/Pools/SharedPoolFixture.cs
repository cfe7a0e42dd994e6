using ActorProc.Multiprocessing;

namespace ActorProc.Tests.Pools;

/// <summary>One pool of two workers for the specs whose semantics do not need a pool of their own (started once, reused).</summary>
public sealed class SharedPoolFixture : IDisposable
{
    public Pool Pool { get; } = new(2);

    public void Dispose() => Pool.Dispose();
}

/// <summary>The specs that share <see cref="SharedPoolFixture"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPoolCollection : ICollectionFixture<SharedPoolFixture>
{
    public const string Name = "shared-pool";
}
