using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Queues;

/// <summary>8 processes, 1,000,000 items through one shared queue: nothing lost, nothing duplicated, FIFO per producer.</summary>
public sealed class QueueSoakSpec
{
    private const int Producers = 4;
    private const int Consumers = 4;
    private const int PerProducer = 250_000;
    private const long Stride = 1_000_000_000L;

    [Fact]
    public void Four_producers_and_four_consumers_move_a_million_items_exactly_once_in_order_per_producer()
    {
        var items = new mp.Queue<long>();
        var reports = new mp.Queue<(long Count, long Sum, bool Ordered)>();
        var processes = new List<mp.Process>();
        try
        {
            for (int c = 0; c < Consumers; c++)
            {
                processes.Add(new mp.Process(() =>
                {
                    var last = new long[Producers];
                    Array.Fill(last, -1);
                    long count = 0, sum = 0;
                    bool ordered = true;
                    while (true)
                    {
                        long item = items.Get();
                        if (item < 0)
                        {
                            break;
                        }

                        int producer = (int)(item / Stride);
                        long seq = item % Stride;
                        ordered &= seq > last[producer];
                        last[producer] = seq;
                        count++;
                        sum += item;
                    }

                    reports.Put((count, sum, ordered));
                }));
            }

            for (int p = 0; p < Producers; p++)
            {
                long offset = p * Stride;
                processes.Add(new mp.Process(() =>
                {
                    for (long i = 0; i < PerProducer; i++)
                    {
                        items.Put(offset + i);
                    }
                }));
            }

            processes.ForEach(p => p.Start());
            foreach (var producer in processes.Skip(Consumers))
            {
                Assert.True(producer.Join(TimeSpan.FromMinutes(5)));
                Assert.Equal(0, producer.ExitCode);
            }

            for (int c = 0; c < Consumers; c++)
            {
                items.Put(-1);
            }

            var all = Enumerable.Range(0, Consumers).Select(_ => reports.Get(TimeSpan.FromMinutes(5))).ToList();
            long expectedSum = Enumerable.Range(0, Producers).Sum(p => (p * Stride * PerProducer) + ((long)PerProducer * (PerProducer - 1) / 2));
            Assert.True((long)Producers * PerProducer == all.Sum(r => r.Count), $"items lost: {((long)Producers * PerProducer) - all.Sum(r => r.Count)} (left in the queue: {items.Count}; per consumer: {string.Join(",", all.Select(r => r.Count))})");
            Assert.Equal(expectedSum, all.Sum(r => r.Sum));
            Assert.All(all, r => Assert.True(r.Ordered, "a consumer saw a producer's items out of order"));
        }
        finally
        {
            foreach (var p in processes.Where(p => p.Pid is not null && p.IsAlive))
            {
                p.Kill();
                p.Join(TimeSpan.FromSeconds(30));
            }
        }
    }
}
