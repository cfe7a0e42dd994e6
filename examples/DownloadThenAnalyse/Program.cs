// Save while downloading: one process downloads into a Queue, another takes the data out and analyses it.
using mp = ActorProc.Multiprocessing;

var q = new mp.Queue<int?>();
var download = new mp.Process(() => Work.Download(q));
var analysis = new mp.Process(() => Work.Analyse(q));
download.Start();
analysis.Start();
download.Join();
analysis.Join();
Console.WriteLine($"Is the queue empty now: {q.IsEmpty}");

internal static class Work
{
    public static void Download(mp.Queue<int?> q)
    {
        int[] data = [11, 22, 33];
        foreach (var item in data)
        {
            q.Put(item);
        }

        q.Put(null); // end of data: the consumer does not know how many items come
        Console.WriteLine("Download to queue complete, start saving...");
    }

    public static void Analyse(mp.Queue<int?> q)
    {
        var saved = new List<int>();
        while (q.Get() is { } data)
        {
            Console.WriteLine($"Add to {data}");
            saved.Add(data);
        }

        Console.WriteLine($"Save finished: [{string.Join(", ", saved)}]");
    }
}
