using ActorProc.Examples.Tests.Support;
using Xunit.Abstractions;

// The examples start processes of their own: run them one at a time, leaving the other cores to them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace ActorProc.Examples.Tests;

/// <summary>
/// Runs every program under examples/ as a user would (<c>dotnet &lt;dll&gt;</c>) and checks that it ends by itself
/// within a minute with exit code 0, prints what its expected.txt lists, writes nothing unexpected to stderr,
/// and leaves no process of its own running.
/// </summary>
public sealed class ExampleRunSpec(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The example folders, discovered when the tests are listed.</summary>
    public static TheoryData<string> Examples => [.. ExampleCatalog.Names()];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_runs_to_exit_code_0_within_a_minute_printing_its_expected_lines_and_leaving_no_process(string name)
    {
        var example = ExampleCatalog.Get(name);
        Assert.True(File.Exists(example.ProjectFile), $"examples/{name} has no {name}.csproj: every folder under examples/ is an example project named after its folder.");
        Assert.True(
            File.Exists(example.Dll),
            $"{example.Dll} does not exist: build the solution first (dotnet build ActorProc.sln -c {ExampleCatalog.Configuration}), and check that examples/{name}/{name}.csproj is in ActorProc.sln.");

        var run = await ExampleRunner.RunAsync(example, Timeout);
        Report(name, run);

        Assert.False(run.TimedOut, $"{name} did not end within {Timeout.TotalSeconds:F0} s and was killed with its process tree (an example may not wait for stdin or run for ever).");
        Assert.Empty(run.Leftovers);
        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.StdoutLines);
        Assert.DoesNotContain("Unhandled exception", run.Stderr, StringComparison.Ordinal);
        if (example.ExpectedStderr is { } expectedStderr)
        {
            AssertContainsLines(expectedStderr, run.StderrLines, "stderr", "expected-stderr.txt");
        }
        else
        {
            Assert.True(run.Stderr.Trim().Length == 0, $"{name} wrote to stderr (list the lines it must write in examples/{name}/expected-stderr.txt if that is intended):{Environment.NewLine}{run.Stderr}");
        }

        AssertContainsLines(example.ExpectedStdout, run.StdoutLines, "stdout", "expected.txt");
    }

    [Fact]
    public void Every_example_folder_holds_a_project_that_the_solution_builds()
    {
        var solution = File.ReadAllText(Path.Combine(ExampleCatalog.RepositoryRoot, "ActorProc.sln"));
        var missing = ExampleCatalog.Names()
            .Where(name => !solution.Contains($@"""examples\{name}\{name}.csproj""", StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, $"Examples not in ActorProc.sln (add them under the examples folder): {string.Join(", ", missing)}");
    }

    private static void AssertContainsLines(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string stream, string file)
    {
        var seen = actual.ToHashSet(StringComparer.Ordinal);
        var missing = expected.Where(line => !seen.Contains(line)).ToList();
        Assert.True(missing.Count == 0, $"Lines of {file} missing from {stream}:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    private void Report(string name, ExampleRun run)
    {
        output.WriteLine($"{name}: exit code {run.ExitCode?.ToString() ?? "none (killed at the timeout)"} after {run.Elapsed.TotalSeconds:F2} s");
        foreach (var leftover in run.Leftovers)
        {
            output.WriteLine($"left running (killed): {leftover}");
        }

        output.WriteLine("--- stdout");
        output.WriteLine(run.Stdout);
        output.WriteLine("--- stderr");
        output.WriteLine(run.Stderr);
    }
}
