using System.Runtime.InteropServices;

namespace ActorProc.Tests.Support;

/// <summary>OS-level checks on processes the tests started (a killed child may stay a zombie in a container).</summary>
public static partial class OsProcesses
{
    /// <summary>True while the process exists and is not a zombie.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static bool WaitUntilGone(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(10);
        }

        return true;
    }

    public static void Kill(int pid) => kill(pid, 9);

    /// <summary>The process's start time (clock ticks after boot): with the pid, it names one process even after pid reuse.</summary>
    public static long? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19]);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Kills the process only if it is still the one that had <paramref name="startTime"/> (pids are reused).</summary>
    public static void KillIfSame(int pid, long? startTime)
    {
        if (startTime is not null && StartTime(pid) == startTime)
        {
            Kill(pid);
        }
    }

    [LibraryImport("libc")]
    private static partial int kill(int pid, int sig);
}
