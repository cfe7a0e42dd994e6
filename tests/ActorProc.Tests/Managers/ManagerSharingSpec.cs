using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Managers;

public sealed class ManagerSharingSpec(ManagerFixture fixture) : ChildProcessSpec, IClassFixture<ManagerFixture>
{
    private readonly mp.Manager _manager = fixture.Manager;

    [Fact]
    public void Four_processes_increment_dict_entries_under_a_manager_lock_and_no_increment_is_lost()
    {
        var counts = _manager.Dict<string, int>();
        var log = _manager.List<string>();
        var guard = _manager.Lock();
        counts["total"] = 0;
        var workers = new List<mp.Process>();
        for (int w = 0; w < 4; w++)
        {
            int worker = w;
            workers.Add(Start(() =>
            {
                for (int i = 0; i < 25; i++)
                {
                    using (guard.Hold())
                    {
                        counts["total"] = counts["total"] + 1;
                        counts[$"worker-{worker}"] = counts.TryGetValue($"worker-{worker}", out int mine) ? mine + 1 : 1;
                    }

                    log.Add($"{worker}:{i}");
                }
            }));
        }

        foreach (var worker in workers)
        {
            Assert.True(worker.Join(Long));
            Assert.Equal(0, worker.ExitCode);
        }

        Assert.Equal(100, counts["total"]);
        Assert.All(Enumerable.Range(0, 4), w => Assert.Equal(25, counts[$"worker-{w}"]));
        var entries = log.ToList();
        Assert.Equal(100, entries.Count);
        Assert.Equal(100, entries.Distinct().Count());
        foreach (var w in Enumerable.Range(0, 4))
        {
            // Each worker's appends keep its order.
            Assert.Equal(Enumerable.Range(0, 25).Select(i => $"{w}:{i}"), entries.Where(e => e.StartsWith($"{w}:", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void A_manager_Value_and_Array_are_shared_memory_that_children_update_under_the_value_lock()
    {
        var total = _manager.Value(0);
        var slots = _manager.Array<long>(3);
        var workers = new List<mp.Process>();
        for (int w = 0; w < 3; w++)
        {
            int slot = w;
            workers.Add(Start(() =>
            {
                for (int i = 0; i < 100; i++)
                {
                    using (total.GetLock().Hold())
                    {
                        total.Value += 1;
                    }
                }

                slots[slot] = Environment.ProcessId;
            }));
        }

        foreach (var worker in workers)
        {
            Assert.True(worker.Join(Long));
            Assert.Equal(0, worker.ExitCode);
        }

        Assert.Equal(300, total.Value);
        Assert.Equal(workers.Select(p => (long)p.Pid!.Value), slots.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(NegativeArray);
    }

    private void NegativeArray() => _manager.Array<int>(-1);

    [Fact]
    public void A_manager_queue_carries_a_number_through_two_processes_as_in_the_seed()
    {
        var queue = _manager.Queue<int>();
        queue.Put(100);
        var one = Start(() => queue.Put(queue.Get() + 100));
        Assert.True(one.Join(Long));
        var two = Start(() => queue.Put(queue.Get() + 66));
        Assert.True(two.Join(Long));

        Assert.Equal(266, queue.Get(Long));
        Assert.True(queue.IsEmpty);
    }

    [Fact]
    public void A_manager_JoinableQueue_Join_returns_once_a_consumer_process_marked_every_item_done()
    {
        var tasks = _manager.JoinableQueue<string>();
        var results = _manager.List<string>();
        var consumer = Start(() =>
        {
            while (tasks.Get() is var task && task != "stop")
            {
                results.Add(task.ToUpperInvariant());
                tasks.TaskDone();
            }

            tasks.TaskDone();
        });
        foreach (var task in new[] { "a", "b", "c" })
        {
            tasks.Put(task);
        }

        tasks.Put("stop");
        Assert.True(tasks.JoinAsync().Wait(Long));
        Assert.Equal(["A", "B", "C"], results);
        Assert.True(consumer.Join(Long));
    }

    [Fact]
    public void Manager_Event_and_Semaphore_work_between_processes()
    {
        var go = _manager.Event();
        var done = _manager.Semaphore(0);
        var child = Start(() =>
        {
            if (go.Wait(Long))
            {
                done.Release();
            }
        });

        Assert.False(done.Acquire(TimeSpan.Zero));
        go.Set();
        Assert.True(done.Acquire(Long));
        Assert.True(go.IsSet);
        Assert.True(child.Join(Long));
    }

    [Fact]
    public void Manager_Condition_Barrier_and_BoundedSemaphore_behave_as_their_own_kinds()
    {
        var bounded = _manager.BoundedSemaphore(1);
        Assert.Throws<SemaphoreFullException>(() => bounded.Release());
        var barrier = _manager.Barrier(2);
        var condition = _manager.Condition();
        var ready = _manager.List<string>();
        var child = Start(() =>
        {
            barrier.Wait();
            using (condition.Hold())
            {
                ready.Add("child");
                condition.NotifyAll();
            }
        });

        barrier.Wait(Long);
        using (condition.Hold())
        {
            Assert.True(condition.WaitFor(() => ready.Count == 1, Long));
        }

        Assert.Equal(2, barrier.Parties);
        Assert.True(child.Join(Long));
        Assert.Equal(0, child.ExitCode);
    }

    [Fact]
    public void A_manager_captured_by_a_child_creates_objects_the_parent_uses()
    {
        var manager = _manager;
        var handover = _manager.Queue<IDictionary<string, string>>();
        var child = Start(() =>
        {
            var made = manager.Dict<string, string>();
            made["by"] = mp.Process.Current.Name;
            handover.Put(made);
        });

        var received = handover.Get(Long);
        Assert.Equal(child.Name, received["by"]);
        Assert.True(child.Join(Long));
        Assert.Equal(0, child.ExitCode);
        received["by"] = "parent";
        Assert.Equal("parent", received["by"]);
    }

    [Fact]
    public void A_proxy_stored_in_a_manager_dict_works_in_the_process_that_reads_it()
    {
        var registry = _manager.Dict<string, IList<int>>();
        registry["numbers"] = _manager.List<int>();
        var child = Start(() =>
        {
            var numbers = registry["numbers"];
            numbers.Add(1);
            numbers.Add(2);
        });

        Assert.True(child.Join(Long));
        Assert.Equal(0, child.ExitCode);
        Assert.Equal([1, 2], registry["numbers"]);
    }
}
