namespace ActorProc.Examples.Tests.Support;

/// <summary>What one run of an example did.</summary>
/// <param name="ExitCode">The exit code; null when the run was killed at its timeout.</param>
/// <param name="Stdout">Everything it (and its children) wrote to stdout.</param>
/// <param name="Stderr">Everything it (and its children) wrote to stderr.</param>
/// <param name="Elapsed">From start to exit (or to the kill).</param>
/// <param name="Leftovers">Processes of the example (its own or children) still running after it exited; they were killed.</param>
public sealed record ExampleRun(int? ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, IReadOnlyList<OsProcess> Leftovers)
{
    /// <summary>True when the example did not end within its timeout and was killed with its process tree.</summary>
    public bool TimedOut => ExitCode is null;

    /// <summary>The lines of stdout, trimmed.</summary>
    public IReadOnlyList<string> StdoutLines => Lines(Stdout);

    /// <summary>The lines of stderr, trimmed.</summary>
    public IReadOnlyList<string> StderrLines => Lines(Stderr);

    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
}
