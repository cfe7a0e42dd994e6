using System.Runtime.InteropServices;

namespace ActorProc.Multiprocessing.Native;

/// <summary>The few libc calls the process layer needs (Linux; other Unixes lack <c>prctl</c>).</summary>
internal static partial class Posix
{
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;
    private const int PR_SET_PDEATHSIG = 1;
    private const int EPERM = 1;

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/>; false when the process is gone.</summary>
    public static bool Signal(int pid, int signal) => kill(pid, signal) == 0;

    /// <summary>Whether a process <paramref name="pid"/> exists (a zombie not yet reaped counts as existing).</summary>
    public static bool Exists(int pid) => kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == EPERM;

    /// <summary>Asks the kernel to SIGKILL this process when the thread that started it ends (Linux only).</summary>
    public static bool SetParentDeathSignal() => OperatingSystem.IsLinux() && prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) == 0;

    /// <summary>The pid of the parent process (1 or a subreaper once the parent died).</summary>
    public static int ParentPid() => getppid();

    /// <summary>Ends the process at once with <paramref name="code"/>, skipping the runtime's shutdown (as Python's <c>os._exit</c>).</summary>
    public static void ExitNow(int code) => _exit(code);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport("libc")]
    private static partial int getppid();

    [LibraryImport("libc")]
    private static partial void _exit(int status);
}
