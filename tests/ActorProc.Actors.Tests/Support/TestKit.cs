namespace ActorProc.Actors.Tests;

/// <summary>
/// The xunit TestKit under the short name the specs use. Inside <c>ActorProc.*</c> namespaces the simple name
/// <c>TestKit</c> would otherwise bind to the namespace <c>ActorProc.TestKit</c>.
/// </summary>
public abstract class TestKit(string? config = null, ITestOutputHelper? output = null)
    : global::ActorProc.TestKit.Xunit2.TestKit(config, output);
