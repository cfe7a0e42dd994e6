using Xunit;

namespace ActorProc.Remote.Tests.Transport.Support;

/// <summary>
/// Tests that measure process-wide quantities (managed heap size, throughput) run alone, after the
/// parallel tests, so other tests' buffers do not distort the numbers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IsolatedCollection
{
    public const string Name = "Transport isolated";
}
