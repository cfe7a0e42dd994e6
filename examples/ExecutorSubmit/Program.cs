using System.Diagnostics;
using mp = ActorProc.Multiprocessing;

// Python: pool = ProcessPoolExecutor(max_workers=5); pool.submit(task, 'kobe'); pool.submit(study, 'james'); pool.shutdown()
// The two jobs run at the same time in two worker processes; Shutdown waits for both.
var pool = new mp.ProcessPoolExecutor(maxWorkers: 5);
var watch = Stopwatch.StartNew();

var working = pool.Submit(() => Jobs.Task("kobe"));
var studying = pool.Submit(() => Jobs.Study("james"));

pool.Shutdown();   // wait for every submitted job
Console.WriteLine($"Both jobs done: {working.IsCompletedSuccessfully && studying.IsCompletedSuccessfully}");
Console.WriteLine($"Execution time: {watch.Elapsed.TotalSeconds:F2} s (6 and 5 rounds of 0.25 s side by side, plus the workers' start)");

internal static class Jobs
{
    public static void Task(string name)
    {
        for (int i = 0; i < 6; i++)
        {
            Console.WriteLine($"Process 1 working---{name}");
            Thread.Sleep(250);
        }
    }

    public static void Study(string name)
    {
        for (int i = 0; i < 5; i++)
        {
            Console.WriteLine($"Process 2 studying---{name}");
            Thread.Sleep(250);
        }
    }
}
