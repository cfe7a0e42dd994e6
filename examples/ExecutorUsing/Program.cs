using System.Diagnostics;
using mp = ActorProc.Multiprocessing;

// Python: with ProcessPoolExecutor(max_workers=2) as executor: executor.map(func, [11, 22, 33])
// Leaving the using block disposes the executor, which is Shutdown(wait: true): the work is finished first.
var watch = Stopwatch.StartNew();
using (var executor = new mp.ProcessPoolExecutor(maxWorkers: 2))
{
    _ = executor.Map(Work.Func, [11, 22, 33]);
}

Console.WriteLine($"Duration: {watch.Elapsed.TotalSeconds:F2} s (three tasks of 0.5 s on two workers: two rounds, plus the workers' start)");

internal static class Work
{
    public static int Func(int item)
    {
        for (int i = 0; i < 2; i++)
        {
            Console.WriteLine($"Executing task {item}, round {i}");
            Thread.Sleep(250);
        }

        return item;
    }
}
