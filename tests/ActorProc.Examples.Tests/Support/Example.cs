namespace ActorProc.Examples.Tests.Support;

/// <summary>One example: the folder examples/<c>Name</c>, its project, its built program and what its output must contain.</summary>
/// <param name="Name">The folder's name, which is also the project's and the program's name.</param>
/// <param name="Directory">The full path of the example's folder.</param>
/// <param name="OutputDirectory">Where the build puts the program (bin/<c>Configuration</c>/<c>TargetFramework</c>).</param>
public sealed record Example(string Name, string Directory, string OutputDirectory)
{
    /// <summary>The project file, examples/<c>Name</c>/<c>Name</c>.csproj.</summary>
    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    /// <summary>The built program, run as <c>dotnet &lt;dll&gt;</c>.</summary>
    public string Dll => Path.Combine(OutputDirectory, Name + ".dll");

    /// <summary>
    /// A text found in the command line of the example's process and of every child it starts (they run
    /// ActorProc.ChildHost with the example's .runtimeconfig.json and .deps.json), and of no other process.
    /// </summary>
    public string CommandLineMarker => Path.Combine(OutputDirectory, Name + ".");

    /// <summary>Lines that must appear in stdout (examples/<c>Name</c>/expected.txt; none when the file is absent).</summary>
    public IReadOnlyList<string> ExpectedStdout => ReadLines("expected.txt") ?? [];

    /// <summary>
    /// Lines that must appear in stderr (examples/<c>Name</c>/expected-stderr.txt), or null when the file is absent,
    /// in which case the example must write nothing to stderr.
    /// </summary>
    public IReadOnlyList<string>? ExpectedStderr => ReadLines("expected-stderr.txt");

    private List<string>? ReadLines(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        return File.Exists(path)
            ? [.. File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0)]
            : null;
    }
}
