using System.Diagnostics;
using mp = ActorProc.Multiprocessing;

// Python: pool = ProcessPoolExecutor(max_workers=3); pool.map(func, [11, 6, 8, 24, 22])
// Map submits one task per item (as many submits); three workers run them, and the results come back in input order.
var pool = new mp.ProcessPoolExecutor(maxWorkers: 3);
int[] dataList = [11, 6, 8, 24, 22];
var watch = Stopwatch.StartNew();

foreach (string result in pool.Map(Work.Func, dataList))
{
    Console.WriteLine(result);
}

pool.Shutdown();
Console.WriteLine($"Duration: {watch.Elapsed.TotalSeconds:F2} s for {dataList.Length} tasks of 0.5 s on 3 workers, their start included");

internal static class Work
{
    public static string Func(int item)
    {
        for (int i = 0; i < 2; i++)
        {
            Console.WriteLine($"Executing task {item}, round {i} (worker {mp.Process.Current.Name})");
            Thread.Sleep(250);
        }

        return $"task {item} done";
    }
}
