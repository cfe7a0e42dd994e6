using System.Diagnostics;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Benchmarks.Macro;

/// <summary>One-way queue throughput between processes.</summary>
public static class QueueScenarios
{
    /// <summary>Items per second through a queue (bounded when <paramref name="maxsize"/> &gt; 0) from a producer child to the parent, which owns the queue.</summary>
    public static double OneWay(int items, int maxsize = 0)
    {
        var q = new mp.Queue<int>(maxsize);
        var producer = new mp.Process(() =>
        {
            for (int i = 0; i < items; i++)
            {
                q.Put(i);
            }
        });
        producer.Start();
        q.Get(); // the child is up and streaming
        var watch = Stopwatch.StartNew();
        for (int i = 1; i < items; i++)
        {
            q.Get();
        }

        var seconds = watch.Elapsed.TotalSeconds;
        producer.Join();
        return (items - 1) / seconds;
    }

    /// <summary>
    /// Items per second through an unbounded queue owned by the parent, from a producer child to a consumer child
    /// (the usual worker topology: the parent creates the queue, children use it). The consumer measures.
    /// </summary>
    public static double OneWayRemoteOwner(int items)
    {
        var q = new mp.Queue<int>();
        var rate = new mp.Queue<double>();
        var consumer = new mp.Process(() =>
        {
            q.Get(); // the producer is up and streaming
            var watch = Stopwatch.StartNew();
            for (int i = 1; i < items; i++)
            {
                q.Get();
            }

            rate.Put((items - 1) / watch.Elapsed.TotalSeconds);
        });
        var producer = new mp.Process(() =>
        {
            for (int i = 0; i < items; i++)
            {
                q.Put(i);
            }
        });
        consumer.Start();
        producer.Start();
        double result = rate.Get();
        producer.Join();
        consumer.Join();
        return result;
    }
}
