// Python: one producer and three consumers share a JoinableQueue; consumers stop when get(timeout=1) finds nothing.
// The producer puts 5 rounds of 20 items; each consumer takes 4 items at a time, marks each one done
// (TaskDone) and rests. The main process joins everyone, then q.Join() returns because every item was marked done.
using System.Diagnostics;
using mp = ActorProc.Multiprocessing;

var q = new mp.JoinableQueue<string>();

// Python's version can end its consumers before the first item exists when the producer starts slowly
// (get(timeout=1) runs out first). The consumers wait for this event, set after the first put.
var started = new mp.Event();

var startTime = Stopwatch.StartNew();
var producer = new mp.Process(() => Shop.Produce(q, started));
producer.Start();

var consumers = new List<mp.Process>();
for (int i = 0; i < 3; i++)
{
    var consumer = new mp.Process(() => Shop.Consume(q, started));
    consumer.Start();
    consumers.Add(consumer);
}

// Wait for production to complete, then for the consumers to give up (nothing more within their timeout).
producer.Join();
foreach (var consumer in consumers)
{
    consumer.Join();
}

// Wait for all queue items to be processed: returns once TaskDone was called for every item put.
q.Join();

Console.WriteLine("Main thread completed");
Console.WriteLine($"Execution time: {startTime.Elapsed.TotalSeconds:F2} s");

internal static class Shop
{
    public static void Produce(mp.JoinableQueue<string> queue, mp.Event started)
    {
        for (int round = 0; round < 5; round++)
        {
            for (int j = 0; j < 20; j++)
            {
                queue.Put($"Produced data{j}");
                Console.WriteLine($"【Produced data{j}】");
                started.Set();
            }

            Thread.Sleep(100); // Python sleeps 1 s between rounds
        }
    }

    public static void Consume(mp.JoinableQueue<string> queue, mp.Event started)
    {
        started.Wait();
        while (true)
        {
            for (int i = 0; i < 4; i++)
            {
                string data;
                try
                {
                    // Python: data = queue.get(timeout=1); an empty queue for 1 s raises queue.Empty.
                    data = queue.Get(TimeSpan.FromSeconds(1));
                }
                catch (mp.QueueEmptyException)
                {
                    return; // nothing more to do: this consumer process ends
                }

                Console.WriteLine($"Received data: {data}");
                queue.TaskDone();
            }

            Thread.Sleep(100); // Python sleeps 1 s between batches
        }
    }
}
