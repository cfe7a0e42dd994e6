using System.Reflection;

namespace ActorProc.Examples.Tests.Support;

/// <summary>
/// Finds the examples: every folder directly under examples/ at the repository root, so that an example added
/// later is run without touching the tests. The programs are those of this test assembly's configuration.
/// </summary>
public static class ExampleCatalog
{
    /// <summary>The repository root: the nearest folder above this assembly holding ActorProc.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The build configuration of this assembly (Debug, Release), which the examples are run in.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>The target framework of this assembly, which is the examples' too (Directory.Build.props).</summary>
    public static string TargetFramework { get; } = Metadata("TargetFramework");

    /// <summary>The examples folder.</summary>
    public static string ExamplesDirectory => Path.Combine(RepositoryRoot, "examples");

    /// <summary>The names of all examples, sorted.</summary>
    public static IReadOnlyList<string> Names() =>
        [.. Directory.EnumerateDirectories(ExamplesDirectory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>The example in examples/<paramref name="name"/>.</summary>
    public static Example Get(string name)
    {
        var directory = Path.Combine(ExamplesDirectory, name);
        return new Example(name, directory, Path.Combine(directory, "bin", Configuration, TargetFramework));
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorProc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ActorProc.sln above {AppContext.BaseDirectory}: the example tests must run from the repository's build output.");
    }

    private static string Metadata(string key) =>
        typeof(ExampleCatalog).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no AssemblyMetadata '{key}' (see ActorProc.Examples.Tests.csproj).");
}
