// Python: q = Queue(3); put, qsize(), full(), put_nowait() on a full queue, get, get_nowait() on an empty queue, empty().
// A bounded queue holds at most maxsize items: a put on a full queue waits (or fails at once with a zero timeout),
// a get on an empty queue waits (or fails at once). This part runs in one process; the queue is the same
// kind that processes share.
using mp = ActorProc.Multiprocessing;

// Create a queue to hold up to 3 pieces of data.
var q = new mp.Queue<object>(3);

// Store data: any serializable item (Python's list, str and dict).
q.Put(new[] { 11, 22 });
q.Put("juran");
q.Put(new Dictionary<string, string> { ["name"] = "juran" });

Console.WriteLine($"Queue size: {q.Count}");
Console.WriteLine($"Is the queue full: {q.IsFull}");

// Python's put_nowait(): a zero timeout does not block and throws QueueFullException (queue.Full).
try
{
    q.Put("one too many", TimeSpan.Zero);
}
catch (mp.QueueFullException)
{
    Console.WriteLine("The basket is full");
}

// Python's put(item, timeout=0.2): waits up to the timeout for space. TryPut answers false instead of throwing.
Console.WriteLine($"TryPut with a 200 ms timeout succeeded: {q.TryPut("still too many", TimeSpan.FromMilliseconds(200))}");

// Fetch data: first in, first out.
Console.WriteLine();
Console.WriteLine("Remove data:");
Console.WriteLine($"[{string.Join(", ", (int[])q.Get())}]");
Console.WriteLine(q.Get());
var dict = (Dictionary<string, string>)q.Get();
Console.WriteLine($"{{'name': '{dict["name"]}'}}");

// Python's get_nowait(): a zero timeout on an empty queue throws QueueEmptyException (queue.Empty).
try
{
    q.Get(TimeSpan.Zero);
}
catch (mp.QueueEmptyException)
{
    Console.WriteLine("The queue is empty");
}

Console.WriteLine($"Is the queue full: {q.IsFull}");
Console.WriteLine($"Whether the queue is empty: {q.IsEmpty}");
