using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Queues;

public sealed class JoinableQueueSpec : ChildProcessSpec
{
    [Fact]
    public void Join_returns_once_every_item_is_done_and_TaskDone_too_often_throws()
    {
        var q = new mp.JoinableQueue<int>();
        q.Put(1);
        q.Put(2);
        Assert.False(q.JoinAsync().Wait(100));
        q.Get(Long);
        q.TaskDone();
        Assert.False(q.JoinAsync().Wait(100));
        q.Get(Long);
        q.TaskDone();

        Assert.True(q.JoinAsync().Wait(Long));
        Assert.Throws<InvalidOperationException>(q.TaskDone);
    }

    [Fact]
    public void Daemon_consumers_process_everything_and_Join_returns()
    {
        var q = new mp.JoinableQueue<int>();
        var done = new mp.Queue<int>();
        for (int c = 0; c < 3; c++)
        {
            Start(new mp.Process(
                () =>
                {
                    while (true)
                    {
                        int item = q.Get();
                        done.Put(item * 2);
                        q.TaskDone();
                    }
                },
                daemon: true));
        }

        for (int i = 0; i < 300; i++)
        {
            q.Put(i);
        }

        Assert.True(q.JoinAsync().Wait(Long));
        var results = Enumerable.Range(0, 300).Select(_ => done.Get(Long)).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 300).Select(i => i * 2), results);
    }

    [Fact]
    public void An_item_a_dead_consumer_took_without_TaskDone_is_delivered_again_and_Join_does_not_hang()
    {
        var q = new mp.JoinableQueue<string>();
        var took = new mp.Queue<string>();
        var victim = Start(new mp.Process(() =>
        {
            took.Put(q.Get());
            Thread.Sleep(Timeout.Infinite);
        }));
        q.Put("precious");
        Assert.Equal("precious", took.Get(Long));

        victim.Kill();
        victim.Join(Long);

        Assert.Equal("precious", q.Get(Long));
        q.TaskDone();
        Assert.True(q.JoinAsync().Wait(Long));
    }

}
