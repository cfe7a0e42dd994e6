// Who am I, who is my parent; a daemon child that ends with its parent; terminate and kill; exit codes as Python reports them.
using mp = ActorProc.Multiprocessing;

Console.WriteLine($"{mp.Process.Current.Name}: pid {mp.Process.Current.Pid}, parent {mp.Process.Parent?.Name ?? "none"}");

var child = new mp.Process(Roles.Describe, name: "describer");
child.Start();
child.Join();
Console.WriteLine($"{child.Name} exited with {child.ExitCode}");

// A daemon child that would run for ever; Terminate sends SIGTERM, ExitCode is -15 as in Python.
var daemon = new mp.Process(Roles.Forever, daemon: true);
daemon.Start();
Console.WriteLine($"{daemon.Name}: daemon={daemon.Daemon}, alive={daemon.IsAlive}");
Thread.Sleep(300);
daemon.Terminate();
daemon.Join();
Console.WriteLine($"{daemon.Name} after Terminate: alive={daemon.IsAlive}, exit code {daemon.ExitCode}");

var killed = new mp.Process(Roles.Forever);
killed.Start();
killed.Kill();
killed.Join();
Console.WriteLine($"{killed.Name} after Kill: exit code {killed.ExitCode}");

var exiting = new mp.Process(() => mp.Process.Exit(3));
exiting.Start();
exiting.Join();
Console.WriteLine($"{exiting.Name} called Process.Exit(3): exit code {exiting.ExitCode}");

var failing = new mp.Process(Roles.Fail, name: "failing");
failing.Start();
failing.Join();
Console.WriteLine($"{failing.Name} threw: exit code {failing.ExitCode} (its stack trace went to stderr)");

// A daemon left running is terminated when this process ends normally (non-daemon children are joined first).
new mp.Process(Roles.Forever, daemon: true).Start();
Console.WriteLine($"Active children at the end: {mp.Process.ActiveChildren().Count}; the daemon is terminated on exit.");

internal static class Roles
{
    public static void Describe()
    {
        var me = mp.Process.Current;
        Console.WriteLine($"  in the child: I am {me.Name} (pid {me.Pid}, daemon={me.Daemon}); my parent is {mp.Process.Parent!.Name} (pid {mp.Process.Parent.Pid})");
    }

    public static void Forever() => Thread.Sleep(Timeout.Infinite);

    public static void Fail() => throw new InvalidOperationException("something went wrong in the child");
}
