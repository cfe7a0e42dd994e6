// RLock (re-entrant in its holder), Event (one process starts many), Semaphore (at most two at a time).
using mp = ActorProc.Multiprocessing;

// RLock: the holder may acquire it again; others wait until it is released as often as acquired.
var rlock = new mp.RLock();
var nested = new mp.Process(() => Demo.Nested(rlock));
nested.Start();
nested.Join();

// Event: three workers wait until the main process says go.
var go = new mp.Event();
var workers = Enumerable.Range(1, 3).Select(i => new mp.Process(() => Demo.WaitForGo(i, go))).ToList();
workers.ForEach(w => w.Start());
Thread.Sleep(300);
Console.WriteLine("main: go!");
go.Set();
workers.ForEach(w => w.Join());

// Semaphore: five jobs, at most two inside at any time.
var slots = new mp.Semaphore(2);
var jobs = Enumerable.Range(1, 5).Select(i => new mp.Process(() => Demo.Limited(i, slots))).ToList();
jobs.ForEach(j => j.Start());
jobs.ForEach(j => j.Join());
Console.WriteLine($"Semaphore value at the end: {slots.Value}");

internal static class Demo
{
    public static void Nested(mp.RLock rlock)
    {
        using (rlock.Hold())
        {
            Console.WriteLine("outer: holding the RLock");
            using (rlock.Hold())
            {
                Console.WriteLine("inner: acquired it again in the same process and thread");
            }
        }

        Console.WriteLine("released twice: free again");
    }

    public static void WaitForGo(int id, mp.Event go)
    {
        Console.WriteLine($"worker {id}: waiting for the event");
        go.Wait();
        Console.WriteLine($"worker {id}: started");
    }

    public static void Limited(int id, mp.Semaphore slots)
    {
        using (slots.Hold())
        {
            Console.WriteLine($"job {id}: inside ({slots.Value} slot(s) left)");
            Thread.Sleep(200);
        }
    }
}
