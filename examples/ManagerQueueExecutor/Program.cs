using mp = ActorProc.Multiprocessing;

// Python tutorial: a Manager().Queue() passed to ProcessPoolExecutor tasks (100 -> +100 -> +66 = 266).
// The queue lives in the manager's process; its handle travels inside each submitted task. The second task waits
// for the first one's put, as in Python, so the order of the two submissions does not matter.
using var manager = mp.Manager.Start();
var queue = manager.Queue<int>();
queue.Put(100);

using (var executor = new mp.ProcessPoolExecutor(maxWorkers: 3))
{
    _ = executor.Submit(() => Steps.ProcessOne(queue));
    _ = executor.Submit(() => Steps.ProcessTwo(queue));
}   // disposing the executor waits for both tasks (Python's `with` block)

Console.WriteLine($"Main process value {queue.Get()}");

internal static class Steps
{
    public static void ProcessOne(mp.Queue<int> queue)
    {
        int num = queue.Get() + 100;
        Console.WriteLine($"--------process_one-----number--- {num}");
        queue.Put(num);
    }

    public static void ProcessTwo(mp.Queue<int> queue)
    {
        int num = queue.Get() + 66;
        Console.WriteLine($"--------process_two-----number--- {num}");
        queue.Put(num);
    }
}
