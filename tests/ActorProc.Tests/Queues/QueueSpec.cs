using ActorProc.Multiprocessing;
using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Queues;

public sealed class QueueSpec : ChildProcessSpec
{
    [Fact]
    public void Items_come_out_in_the_order_they_went_in()
    {
        var q = new mp.Queue<int>();
        for (int i = 0; i < 100; i++)
        {
            q.Put(i);
        }

        Assert.Equal(Enumerable.Range(0, 100), Enumerable.Range(0, 100).Select(_ => q.Get(Long)));
    }

    [Fact]
    public void Get_on_an_empty_queue_throws_QueueEmpty_after_its_timeout_and_TryGet_returns_false()
    {
        var q = new mp.Queue<string>();
        Assert.Throws<QueueEmptyException>(() => q.Get(TimeSpan.Zero));
        Assert.Throws<QueueEmptyException>(() => q.Get(TimeSpan.FromMilliseconds(50)));
        Assert.False(q.TryGet(out _, TimeSpan.FromMilliseconds(20)));
        Assert.True(q.IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => q.Get(TimeSpan.FromSeconds(-2)));
    }

    [Fact]
    public void A_non_blocking_get_sees_an_item_that_is_already_in_the_queue()
    {
        var q = new mp.Queue<string>();
        q.Put("ready");
        Assert.Equal(1, q.Count);
        Assert.Equal("ready", q.Get(TimeSpan.Zero));
    }

    [Fact]
    public void A_bounded_queue_refuses_a_put_when_full_and_accepts_once_an_item_is_taken()
    {
        var q = new mp.Queue<int>(maxsize: 2);
        q.Put(1);
        q.Put(2);
        Assert.True(q.IsFull);
        Assert.Throws<QueueFullException>(() => q.Put(3, TimeSpan.FromMilliseconds(50)));
        Assert.False(q.TryPut(3));

        var blocked = Task.Run(() => q.Put(3, Long));
        Assert.False(blocked.Wait(100));
        Assert.Equal(1, q.Get(Long));

        Assert.True(blocked.Wait(Long));
        Assert.Equal(2, q.Get(Long));
        Assert.Equal(3, q.Get(Long));
    }

    [Fact]
    public void A_producer_process_on_a_full_bounded_queue_waits_until_items_are_taken()
    {
        var q = new mp.Queue<int>(maxsize: 2);
        var finished = new mp.Queue<bool>();
        Start(new mp.Process(() =>
        {
            for (int i = 0; i < 6; i++)
            {
                q.Put(i);
            }

            finished.Put(true);
        }));

        Assert.True(SpinWait.SpinUntil(() => q.Count == 2, Long));
        Assert.False(finished.TryGet(out _, TimeSpan.FromMilliseconds(200)), "the producer put past maxsize");
        Assert.Equal(2, q.Count);
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(i, q.Get(Long));
            Assert.True(q.Count <= 2);
        }

        Assert.True(finished.Get(Long));
    }

    [Fact]
    public void Batched_puts_of_small_and_large_items_arrive_whole_and_in_order()
    {
        var q = new mp.Queue<string>();
        var sizes = new[] { 1, 10, 300_000, 5, 70_000, 200_000, 3, 1_000_000, 0, 7 };
        Start(new mp.Process(() =>
        {
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < sizes.Length; i++)
                {
                    q.Put(new string((char)('a' + i), sizes[i]));
                }
            }
        }));

        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < sizes.Length; i++)
            {
                Assert.Equal(new string((char)('a' + i), sizes[i]), q.Get(Long));
            }
        }
    }

    [Fact]
    public void A_consumer_process_can_cancel_GetAsync_and_then_receive_items_in_order()
    {
        var q = new mp.Queue<int>();
        var report = new mp.Queue<string>();
        Start(new mp.Process(async () =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
            string first;
            try
            {
                first = (await q.GetAsync(cancel.Token)).ToString();
            }
            catch (OperationCanceledException)
            {
                first = "cancelled";
            }

            report.Put(first);
            int a = await q.GetAsync();
            int b = await q.GetAsync();
            report.Put($"{a},{b}");
        }));

        Assert.Equal("cancelled", report.Get(Long));
        q.Put(1);
        q.Put(2);
        Assert.Equal("1,2", report.Get(Long));
    }

    [Fact]
    public void A_child_producer_and_a_parent_consumer_keep_FIFO_order()
    {
        var q = new mp.Queue<int>();
        Start(new mp.Process(() =>
        {
            for (int i = 0; i < 2000; i++)
            {
                q.Put(i);
            }
        }));

        for (int i = 0; i < 2000; i++)
        {
            Assert.Equal(i, q.Get(Long));
        }
    }

    [Fact]
    public void A_producer_process_sees_its_own_batched_puts_in_Count_and_a_non_blocking_get()
    {
        var q = new mp.Queue<int>();
        var report = new mp.Queue<string>();
        Start(new mp.Process(() =>
        {
            for (int i = 0; i < 5; i++)
            {
                q.Put(i);
            }

            int count = q.Count;
            report.Put($"{count},{q.Get(TimeSpan.Zero)}");
        }));

        Assert.Equal("5,0", report.Get(Long));
        Assert.Equal(4, q.Count);
    }

    [Fact]
    public void Items_a_consumer_process_holds_but_stops_getting_go_back_to_the_queue_for_another_process()
    {
        var q = new mp.Queue<int>();
        var stop = new mp.Event();
        var putDone = Files["put-done"];
        q.Put(1);

        // A takes 1 and puts 2: its inbox has asked for one more item ahead, so the owner delivers 2 to A, which never gets again.
        var a = Start(() =>
        {
            q.Put(q.Get() + 1);
            TempFiles.Write(putDone, "yes");
            stop.Wait();
        });
        Assert.Equal("yes", TempFiles.WaitForText(putDone));

        var got = Files["b-got"];
        var b = Start(() => TempFiles.Write(got, q.Get(TimeSpan.FromSeconds(30)).ToString()));
        Assert.True(b.Join(Long));
        Assert.Equal(0, b.ExitCode);
        Assert.Equal("2", TempFiles.WaitForText(got));
        stop.Set();
        Assert.True(a.Join(Long));
    }

    [Fact]
    public void Two_child_consumers_share_the_items_without_loss_or_duplicates()
    {
        var work = new mp.Queue<int>();
        var results = new mp.Queue<(int Item, int Pid)>();
        for (int c = 0; c < 2; c++)
        {
            Start(new mp.Process(() =>
            {
                while (true)
                {
                    int item = work.Get();
                    if (item < 0)
                    {
                        return;
                    }

                    results.Put((item, Environment.ProcessId));
                }
            }));
        }

        for (int i = 0; i < 1000; i++)
        {
            work.Put(i);
        }

        work.Put(-1);
        work.Put(-1);
        var got = Enumerable.Range(0, 1000).Select(_ => results.Get(Long)).ToList();
        Assert.Equal(Enumerable.Range(0, 1000), got.Select(r => r.Item).Order());

    }

    [Fact]
    public void Items_can_hold_records_collections_and_queue_handles()
    {
        var q = new mp.Queue<Message>();
        var replies = new mp.Queue<string>();
        Start(new mp.Process(() =>
        {
            var m = q.Get();
            m.ReplyTo.Put($"{m.Text}:{string.Join(',', m.Numbers)}");
        }));

        q.Put(new Message("hi", [1, 2, 3], replies));

        Assert.Equal("hi:1,2,3", replies.Get(Long));
    }

    [Fact]
    public void An_item_that_cannot_be_serialized_fails_at_Put_with_the_field()
    {
        var q = new mp.Queue<object>();
        var error = Assert.Throws<ArgumentException>(() => q.Put(new Holder { Stream = new MemoryStream() }));
        Assert.Contains("Stream", error.Message);
    }

    [Fact]
    public void Put_through_a_closed_handle_throws()
    {
        var q = new mp.Queue<int>();
        q.Close();
        Assert.Throws<InvalidOperationException>(() => q.Put(1));
    }

    [Fact]
    public async Task GetAsync_waits_for_an_item_and_can_be_cancelled()
    {
        var q = new mp.Queue<int>();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await q.GetAsync(cts.Token));

        var waiting = q.GetAsync().AsTask();
        await q.PutAsync(42);
        Assert.Equal(42, await waiting.WaitAsync(Long));
    }

    [Fact]
    public void Items_delivered_to_a_consumer_that_dies_go_to_the_next_consumer()
    {
        var work = new mp.Queue<int>();
        var started = new mp.Queue<int>();
        // The first consumer takes one item and dies without returning from its work, holding prefetched items.
        var victim = Start(new mp.Process(() =>
        {
            work.Get();
            started.Put(Environment.ProcessId);
            Thread.Sleep(Timeout.Infinite);
        }));
        for (int i = 0; i < 200; i++)
        {
            work.Put(i);
        }

        started.Get(Long);
        victim.Kill();
        victim.Join(Long);

        var seen = new List<int>();
        while (work.TryGet(out var item, TimeSpan.FromSeconds(2)))
        {
            seen.Add(item);
        }

        // Item 0 (or whichever the victim's Get returned) is gone with it; every other item is delivered once.
        Assert.Equal(199, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public void Calls_on_a_queue_whose_owner_process_ended_fail_fast()
    {
        var handles = new mp.Queue<mp.Queue<int>>();
        var owner = Start(new mp.Process(() =>
        {
            var mine = new mp.Queue<int>();
            handles.Put(mine);
            Thread.Sleep(Timeout.Infinite);
        }));
        var orphan = handles.Get(Long);
        orphan.Put(1);
        Assert.Equal(1, orphan.Get(Long));

        owner.Kill();
        owner.Join(Long);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Throws<OwnerProcessGoneException>(() => orphan.Get(Long));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Throws<OwnerProcessGoneException>(() => orphan.Put(2));
    }

    [Fact]
    public void SimpleQueue_passes_items_between_processes()
    {
        var q = new SimpleQueue<string>();
        var back = new SimpleQueue<string>();
        Start(new mp.Process(() => back.Put(q.Get().ToUpperInvariant())));
        q.Put("shout");
        Assert.Equal("SHOUT", back.Get());
        Assert.True(back.IsEmpty);
    }


    private sealed record Message(string Text, List<int> Numbers, mp.Queue<string> ReplyTo);

    private sealed class Holder
    {
        public Stream? Stream { get; init; }
    }
}
