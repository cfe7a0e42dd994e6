using System.Runtime.InteropServices;

namespace ActorProc.Examples.Tests.Support;

/// <summary>The running processes of this machine, read from /proc (Linux).</summary>
public static partial class OsProcessTable
{
    /// <summary>Running (not zombie) processes whose command line contains <paramref name="marker"/>.</summary>
    public static List<OsProcess> WithCommandLineContaining(string marker)
    {
        var found = new List<OsProcess>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
                if (commandLine.Contains(marker, StringComparison.Ordinal) && StartTime(pid) is { } started)
                {
                    found.Add(new OsProcess(pid, started, commandLine));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to read.
            }
        }

        return found;
    }

    /// <summary>
    /// SIGKILLs <paramref name="process"/> if that pid still names the same process (pids are reused), and every
    /// process below it (they may hold the example's output pipes open without naming the example).
    /// </summary>
    public static void Kill(OsProcess process)
    {
        if (StartTime(process.Pid) != process.StartTime)
        {
            return;
        }

        var tree = new List<int> { process.Pid };
        for (int i = 0; i < tree.Count; i++)
        {
            tree.AddRange(ChildrenOf(tree[i]));
        }

        foreach (int pid in tree)
        {
            _ = kill(pid, 9);
        }
    }

    // Field 4 of /proc/<pid>/stat is the parent pid.
    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            if (int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]) == parent)
            {
                yield return pid;
            }
        }
    }

    // Field 22 of /proc/<pid>/stat (clock ticks after boot): with the pid it names one process. Null for a zombie.
    private static long? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] is "Z" or "X" ? null : long.Parse(fields[19]);
        }
        catch (IOException)
        {
            return null;
        }
    }

    [LibraryImport("libc")]
    private static partial int kill(int pid, int sig);
}
