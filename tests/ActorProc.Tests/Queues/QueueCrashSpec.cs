using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Queues;

/// <summary>Crash redelivery with batched deliveries and acknowledgements: exactly the items no get returned (or no TaskDone marked) come back.</summary>
public sealed class QueueCrashSpec : ChildProcessSpec
{
    [Fact]
    public void Items_whose_get_returned_are_never_delivered_again_when_the_consumer_is_killed_with_acknowledgements_pending()
    {
        const int Total = 2000;
        var work = new mp.Queue<int>();
        var report = new mp.Queue<int[]>();
        for (int i = 0; i < Total; i++)
        {
            work.Put(i);
        }

        // A fast consumer: its window grows, items come hundreds per message and its acknowledgements ride on its
        // next demand, which a consumer that stops after 150 gets has not sent yet.
        var victim = Start(new mp.Process(() =>
        {
            var got = new int[150];
            for (int i = 0; i < got.Length; i++)
            {
                got[i] = work.Get();
            }

            report.Put(got);
            Thread.Sleep(Timeout.Infinite);
        }));
        var returned = report.Get(Long);
        victim.Kill();
        victim.Join(Long);

        // Once the owner has seen the death, the items the victim held unreturned are back at the front.
        // (The count jumps there in one step: more would mean returned items came back.)
        Assert.True(SpinWait.SpinUntil(() => work.Count >= Total - returned.Length, Long), $"count stayed {work.Count}");
        Assert.Equal(Total - returned.Length, work.Count);
        var rest = Enumerable.Range(0, Total - returned.Length).Select(_ => work.Get(Long)).ToList();

        Assert.False(work.TryGet(out var extra), $"item {extra} was delivered twice");
        Assert.Equal(Enumerable.Range(0, returned.Length), returned);
        Assert.Equal(Enumerable.Range(returned.Length, Total - returned.Length), rest);
    }

    [Fact]
    public void Items_a_killed_consumer_held_unreturned_go_back_in_order_to_another_consumer_process()
    {
        const int Total = 1000;
        var work = new mp.Queue<int>();
        var report = new mp.Queue<int>();
        var results = new mp.Queue<int[]>();
        var victim = Start(new mp.Process(() =>
        {
            report.Put(work.Get());
            Thread.Sleep(Timeout.Infinite);
        }));
        for (int i = 0; i < Total; i++)
        {
            work.Put(i);
        }

        int first = report.Get(Long);
        victim.Kill();
        victim.Join(Long);
        Assert.True(SpinWait.SpinUntil(() => work.Count >= Total - 1, Long), $"count stayed {work.Count}");
        Assert.Equal(Total - 1, work.Count);
        Start(new mp.Process(() => results.Put(Enumerable.Range(0, Total - 1).Select(_ => work.Get()).ToArray())));

        var rest = results.Get(Long);
        Assert.Equal(0, first);
        Assert.Equal(Enumerable.Range(1, Total - 1), rest);
        Assert.Equal(0, work.Count);
    }

    [Fact]
    public void A_JoinableQueue_redelivers_exactly_the_items_a_killed_consumer_had_not_marked_done()
    {
        var q = new mp.JoinableQueue<int>();
        var report = new mp.Queue<int[]>();
        for (int i = 0; i < 100; i++)
        {
            q.Put(i);
        }

        // Takes 10 items and marks the first 6 done (TaskDone calls are sent in batches), then hangs.
        var victim = Start(new mp.Process(() =>
        {
            var got = Enumerable.Range(0, 10).Select(_ => q.Get()).ToArray();
            for (int i = 0; i < 6; i++)
            {
                q.TaskDone();
            }

            report.Put(got);
            Thread.Sleep(Timeout.Infinite);
        }));
        var taken = report.Get(Long);
        victim.Kill();
        victim.Join(Long);
        Assert.True(SpinWait.SpinUntil(() => q.Count >= 94, Long), $"count stayed {q.Count}");
        Assert.Equal(94, q.Count);

        var rest = Enumerable.Range(0, 94).Select(_ => q.Get(Long)).ToList();
        Assert.False(q.JoinAsync().Wait(50));
        foreach (var _ in rest)
        {
            q.TaskDone();
        }

        Assert.True(q.JoinAsync().Wait(Long));
        Assert.Equal(Enumerable.Range(0, 10), taken);
        Assert.Equal(Enumerable.Range(6, 94), rest);
        Assert.False(q.TryGet(out _));
    }
}
