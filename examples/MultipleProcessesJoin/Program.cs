// Python: start three Process(target=task, args=('Little King%s' % i, i)) in a loop, then join them all.
// The processes run side by side, so the main process waits about as long as the longest task, not the sum.
using System.Diagnostics;
using mp = ActorProc.Multiprocessing;

Console.WriteLine($"CPU cores: {mp.Process.CpuCount}");

var start = Stopwatch.StartNew();
var processes = new List<mp.Process>();
for (int i = 1; i <= 3; i++)
{
    // Python's args=(...): the lambda captures the arguments; they are copied to the child.
    string name = $"Little King{i}";
    int n = i;
    var p = new mp.Process(() => Tasks.Task(name, n));
    p.Start();
    processes.Add(p);
}

// multiprocessing.active_children(): the children started and still running.
Console.WriteLine($"Active children: {mp.Process.ActiveChildren().Count}");

// The master process waits for each child.
foreach (var p in processes)
{
    p.Join();
}

Console.WriteLine($"Active children after join: {mp.Process.ActiveChildren().Count}");
Console.WriteLine($"Lord {start.Elapsed.TotalSeconds:F2} s (the tasks sleep 0.3 + 0.6 + 0.9 s)");

internal static class Tasks
{
    public static void Task(string name, int n)
    {
        Console.WriteLine($"{name} is running");
        Thread.Sleep(TimeSpan.FromSeconds(0.3 * n)); // Python sleeps n seconds
        Console.WriteLine($"{name} is done");
    }
}
