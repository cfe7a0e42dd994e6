using System.Diagnostics;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Benchmarks.Macro;

/// <summary>One-way queue throughput: a child process puts, the parent gets.</summary>
public static class QueueScenarios
{
    /// <summary>Items per second through an unbounded queue from a producer child to the parent.</summary>
    public static double OneWay(int items)
    {
        var q = new mp.Queue<int>();
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
}
