using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Queues;

/// <summary>Bounded queues with producer processes: credits (space reserved for a producer) keep back-pressure exact.</summary>
public sealed class QueueBoundedSpec : ChildProcessSpec
{
    [Fact]
    public void Space_a_producer_process_reserved_and_does_not_use_is_given_back_when_another_put_waits()
    {
        var q = new mp.Queue<int>(maxsize: 8);
        // Asks for a quarter of the queue (2 slots), uses one and keeps the other while it idles.
        Start(new mp.Process(() =>
        {
            q.Put(100);
            Thread.Sleep(Timeout.Infinite);
        }));
        Assert.True(SpinWait.SpinUntil(() => q.Count == 1, Long));

        for (int i = 0; i < 7; i++)
        {
            Assert.True(q.TryPut(i, Long), $"put {i} found no space");
        }

        Assert.Equal(8, q.Count);
        Assert.False(q.TryPut(99));
        Assert.Equal(100, q.Get(Long));
    }

    [Fact]
    public void The_space_reserved_for_a_producer_process_that_is_killed_is_free_again()
    {
        var q = new mp.Queue<int>(maxsize: 8);
        var producer = Start(new mp.Process(() =>
        {
            q.Put(100);
            Thread.Sleep(Timeout.Infinite);
        }));
        Assert.True(SpinWait.SpinUntil(() => q.Count == 1, Long));
        producer.Kill();
        producer.Join(Long);

        for (int i = 0; i < 7; i++)
        {
            Assert.True(q.TryPut(i, Long), $"put {i} found no space");
        }

        Assert.Equal(8, q.Count);
    }

    [Fact]
    public void Two_producer_processes_on_a_small_bounded_queue_both_finish_with_their_order_kept()
    {
        var q = new mp.Queue<(int Producer, int Seq)>(maxsize: 4);
        for (int p = 0; p < 2; p++)
        {
            int producer = p;
            Start(new mp.Process(() =>
            {
                for (int i = 0; i < 500; i++)
                {
                    q.Put((producer, i));
                }
            }));
        }

        var next = new int[2];
        for (int n = 0; n < 1000; n++)
        {
            var (producer, seq) = q.Get(Long);
            Assert.Equal(next[producer], seq);
            next[producer]++;
            Assert.True(q.Count <= 4);
        }

        Assert.Equal([500, 500], next);
    }

    [Fact]
    public void A_producer_process_can_cancel_a_PutAsync_waiting_on_a_full_queue_and_the_item_is_not_added()
    {
        var q = new mp.Queue<int>(maxsize: 1);
        var report = new mp.Queue<string>();
        q.Put(1);
        Start(new mp.Process(async () =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
            try
            {
                await q.PutAsync(2, cancel.Token);
                report.Put("added");
            }
            catch (OperationCanceledException)
            {
                report.Put("cancelled");
            }

            bool timedOut = !q.TryPut(3, TimeSpan.FromMilliseconds(50));
            report.Put(timedOut ? "full" : "not full");
            await q.PutAsync(4);
            report.Put("put 4");
        }));

        Assert.Equal("cancelled", report.Get(Long));
        Assert.Equal("full", report.Get(Long));
        Assert.Equal(1, q.Get(Long));
        Assert.Equal("put 4", report.Get(Long));
        Assert.Equal(4, q.Get(Long));
        Assert.False(q.TryGet(out _));
    }
}
