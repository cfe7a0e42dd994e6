// Python: fd() puts 0..9 on a multiprocessing.Queue, df() gets them in a `while True` loop; the main process terminates df.
// The consumer never ends by itself (it does not know how many items come), so the main process ends it
// with Terminate once it knows every item was taken. A Semaphore that starts at 0 counts the items taken.
using mp = ActorProc.Multiprocessing;

var q = new mp.Queue<int>();
var taken = new mp.Semaphore(0);

var ff = new mp.Process(() => Channel.Fd(q), name: "producer");
var dd = new mp.Process(() => Channel.Df(q, taken), name: "consumer");
ff.Start();
dd.Start();

ff.Join();
for (int i = 0; i < 10; i++)
{
    taken.Acquire(); // one permit per item the consumer took
}

// Python's tutorial calls dd.terminate(): the consumer is still blocked in get(), waiting for more.
dd.Terminate();
dd.Join();
Console.WriteLine($"The producer exited with {ff.ExitCode}; the consumer was terminated (exit code {dd.ExitCode})");
Console.WriteLine($"Queue empty at the end: {q.IsEmpty}");

internal static class Channel
{
    public static void Fd(mp.Queue<int> a)
    {
        for (int y = 0; y < 10; y++)
        {
            a.Put(y); // insert
            Console.WriteLine($"insert: {y}");
        }
    }

    public static void Df(mp.Queue<int> b, mp.Semaphore taken)
    {
        while (true)
        {
            int aa = b.Get(); // remove; blocks while the queue is empty
            Console.WriteLine($"release: {aa}");
            taken.Release();
        }
    }
}
