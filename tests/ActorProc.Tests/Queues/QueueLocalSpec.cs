using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Queues;

/// <summary>Handles in the owning process work on the queue's state directly (no owner actor, no inbox).</summary>
public sealed class QueueLocalSpec : ChildProcessSpec
{
    [Fact]
    public void A_handle_that_comes_back_to_the_owner_process_works_on_the_queue_directly()
    {
        var q = new mp.Queue<string>();
        var back = new mp.Queue<mp.Queue<string>>();
        Start(new mp.Process(() =>
        {
            var copy = q;
            copy.Put("from the child");
            back.Put(copy);
        }));

        var returned = back.Get(Long);

        Assert.True(q.IsOwnedHere);
        Assert.True(returned.IsOwnedHere);
        Assert.Equal("from the child", returned.Get(Long));
        returned.Put("same queue");
        Assert.Equal("same queue", q.Get(TimeSpan.Zero));
    }

    [Fact]
    public async Task Gets_waiting_on_an_empty_queue_each_receive_one_item_and_a_cancelled_one_receives_none()
    {
        var q = new mp.Queue<int>();
        using var cancel = new CancellationTokenSource();
        var cancelled = q.GetAsync(cancel.Token).AsTask();
        var waiting = Enumerable.Range(0, 4).Select(_ => Task.Run(() => q.Get(Long))).ToList();
        var asyncWaiting = q.GetAsync().AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        for (int i = 0; i < 5; i++)
        {
            q.Put(i);
        }

        var got = (await Task.WhenAll(waiting.Append(asyncWaiting)).WaitAsync(Long)).Order();
        Assert.Equal(Enumerable.Range(0, 5), got);
        Assert.Equal(0, q.Count);
    }

    [Fact]
    public async Task A_bounded_put_waits_for_space_in_order_and_a_cancelled_PutAsync_adds_nothing()
    {
        var q = new mp.Queue<int>(maxsize: 1);
        q.Put(1);
        using var cancel = new CancellationTokenSource();
        var cancelled = q.PutAsync(99, cancel.Token).AsTask();
        var second = q.PutAsync(2).AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(second.IsCompleted);

        Assert.Equal(1, q.Get(Long));
        await second.WaitAsync(Long);
        Assert.True(q.IsFull);
        Assert.Equal(2, q.Get(Long));
        Assert.False(q.TryGet(out _));
    }

    [Fact]
    public void A_JoinableQueue_consumed_in_its_owner_process_joins_after_the_last_TaskDone()
    {
        var q = new mp.JoinableQueue<int>();
        var producer = Start(new mp.Process(() =>
        {
            for (int i = 0; i < 500; i++)
            {
                q.Put(i);
            }
        }));
        producer.Join(Long);

        for (int i = 0; i < 500; i++)
        {
            Assert.Equal(i, q.Get(Long));
            if (i < 499)
            {
                q.TaskDone();
            }
        }

        Assert.False(q.JoinAsync().Wait(50));
        q.TaskDone();
        q.Join();
        Assert.Throws<InvalidOperationException>(q.TaskDone);
    }
}
