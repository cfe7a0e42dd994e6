// Python: `from queue import Queue` (a queue for threads) given to multiprocessing.Process fails; multiprocessing.Queue works.
// A queue for threads lives in one process's memory. ActorProc refuses to send one to a child (Start throws),
// a plain collection is copied (the child changes its own copy), and only an mp.Queue is shared.
using System.Collections.Concurrent;
using mp = ActorProc.Multiprocessing;

// 1. A thread queue (BlockingCollection, the counterpart of Python's queue.Queue) cannot cross a process:
//    Start throws ArgumentException naming the captured field and its type (Python raises while pickling).
var threadQueue = new BlockingCollection<int>();
try
{
    new mp.Process(Demo.PutInto(threadQueue)).Start();
}
catch (ArgumentException e)
{
    Console.WriteLine($"Thread queue: Start refused: {e.GetType().Name}");
    Console.WriteLine($"  {e.Message}");
}

// 2. A plain list is serializable, so the child gets a copy: its Add is not seen here.
var list = new List<int>();
var child = new mp.Process(Demo.AddTo(list));
child.Start();
child.Join();
Console.WriteLine($"Plain list: the child added to its copy; the parent's list has {list.Count} items");

// 3. A multiprocessing queue is shared: what the child puts, the parent gets.
var q = new mp.Queue<int>();
var producer = new mp.Process(Demo.PutInto(q));
producer.Start();
Console.WriteLine($"mp.Queue: the parent got {q.Get()} from the child");
producer.Join();

internal static class Demo
{
    // Each factory returns a target capturing only its own argument.
    public static Action PutInto(BlockingCollection<int> queue) => () => queue.Add(42);

    public static Action AddTo(List<int> list) => () =>
    {
        list.Add(42);
        Console.WriteLine($"  in the child: the list has {list.Count} item");
    };

    public static Action PutInto(mp.Queue<int> queue) => () => queue.Put(42);
}
