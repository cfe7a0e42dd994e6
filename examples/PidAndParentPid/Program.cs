// Python: current_process().pid, os.getpid() and os.getppid() in a child and in the main process.
// Every process has a unique id (pid) from the operating system; a child's parent is the process that started it.
using mp = ActorProc.Multiprocessing;

// The main process has no ActorProc parent (Process.Parent is null); its OS parent is whatever started it
// (a shell, an IDE, a test runner), as with os.getppid() in Python.
Console.WriteLine($"Lord {mp.Process.Current.Pid} father is {Os.ParentPid()}");

var pids = new mp.Queue<int[]>();
var p = new mp.Process(() => Family.Task(pids), name: "child");
Console.WriteLine($"Before Start: {p.Name} pid={p.Pid?.ToString() ?? "none"}, alive={p.IsAlive}");
p.Start();
Console.WriteLine($"After Start:  {p.Name} pid={p.Pid}, alive={p.IsAlive}");

// The child reports what it saw: its own pid and its parent's pid.
var seen = pids.Get();
p.Join();
Console.WriteLine($"After Join:   {p.Name} alive={p.IsAlive}, exit code {p.ExitCode}");

Console.WriteLine($"The child's pid is the pid the parent sees: {seen[0] == p.Pid}");
Console.WriteLine($"The child's parent is this process: {seen[1] == Environment.ProcessId}");

// close(): releases what the parent keeps for an ended child (allowed once it has ended).
p.Close();
Console.WriteLine($"{p.Name} closed");

internal static class Family
{
    public static void Task(mp.Queue<int[]> pids)
    {
        // mp.Process.Current.Pid is Python's current_process().pid; Environment.ProcessId is os.getpid().
        var me = mp.Process.Current;
        Console.WriteLine($"{me.Pid} is running Dad is {mp.Process.Parent!.Pid} (OS parent {Os.ParentPid()})");
        Console.WriteLine($"{Environment.ProcessId} is done dad is {mp.Process.Parent.Pid}");
        pids.Put([Environment.ProcessId, mp.Process.Parent.Pid!.Value]);
    }
}

internal static class Os
{
    /// <summary>os.getppid(): the parent process id, read from /proc (Linux).</summary>
    public static int ParentPid()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("PPid:", StringComparison.Ordinal))
            {
                return int.Parse(line["PPid:".Length..].Trim());
            }
        }

        return 0;
    }
}
