using ActorProc.Actors;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Tests.Support;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Processes;

/// <summary>The process tree is a supervision tree: exits are death-watch events, and children die with their parents.</summary>
public sealed class ProcessTreeSpec : IDisposable
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private readonly TempFiles _files = new();
    private readonly List<(int Pid, long? Start)> _pids = [];

    public void Dispose()
    {
        foreach (var (pid, start) in _pids)
        {
            OsProcesses.KillIfSame(pid, start);
        }

        _files.Dispose();
    }

    [Fact]
    public void Daemon_defaults_to_the_creators_flag()
    {
        var file = _files["daemon"];
        var p = new mp.Process(
            () =>
            {
                var inner = new mp.Process(static () => { });
                TempFiles.Write(file, inner.Daemon.ToString());
            },
            daemon: true);
        Assert.False(new mp.Process(static () => { }).Daemon);

        p.Start();

        Assert.True(p.Join(Long));
        Assert.Equal("True", TempFiles.WaitForText(file));
    }

    [Fact]
    public void At_a_normal_exit_non_daemon_children_are_joined_then_daemon_children_are_terminated()
    {
        var slowDone = _files["slow-done"];
        var daemonPid = _files["daemon-pid"];
        var order = _files["order"];
        var p = new mp.Process(() =>
        {
            var slow = new mp.Process(() =>
            {
                Thread.Sleep(300);
                TempFiles.Write(slowDone, "done");
            });
            var daemon = new mp.Process(() => Thread.Sleep(Timeout.Infinite), daemon: true);
            slow.Start();
            daemon.Start();
            TempFiles.Write(daemonPid, daemon.Pid!.Value.ToString());
        });

        p.Start();

        Assert.True(p.Join(Long));
        Assert.Equal(0, p.ExitCode);
        Assert.Equal("done", TempFiles.WaitForText(slowDone, TimeSpan.Zero));
        int daemon = int.Parse(TempFiles.WaitForText(daemonPid));
        Remember(daemon);
        Assert.True(OsProcesses.WaitUntilGone(daemon, TimeSpan.FromSeconds(10)), "the daemon child outlived its parent's normal exit");
    }

    [Fact]
    public void Children_die_with_a_parent_killed_by_SIGKILL_daemon_or_not()
    {
        var pids = _files["pids"];
        var p = new mp.Process(() =>
        {
            var daemon = new mp.Process(() => Thread.Sleep(Timeout.Infinite), daemon: true);
            var plain = new mp.Process(() => Thread.Sleep(Timeout.Infinite));
            daemon.Start();
            plain.Start();
            TempFiles.Write(pids, $"{daemon.Pid},{plain.Pid}");
            Thread.Sleep(Timeout.Infinite);
        });
        p.Start();
        var children = TempFiles.WaitForText(pids).Split(',').Select(int.Parse).ToArray();
        children.ToList().ForEach(Remember);
        Remember(p.Pid!.Value);
        Assert.All(children, pid => Assert.True(OsProcesses.IsRunning(pid)));

        p.Kill();

        Assert.True(p.Join(Long));
        Assert.Equal(-9, p.ExitCode);
        Assert.All(children, pid => Assert.True(OsProcesses.WaitUntilGone(pid, TimeSpan.FromSeconds(3)), $"child {pid} outlived its SIGKILLed parent by 3 s"));
    }

    [Fact]
    public void Twenty_children_terminated_at_once_all_end_with_minus_15()
    {
        var ready = Enumerable.Range(0, 20).Select(i => _files[$"ready-{i}"]).ToArray();
        var children = ready.Select(file => new mp.Process(() =>
        {
            TempFiles.Write(file, "up");
            Thread.Sleep(Timeout.Infinite);
        })).ToList();
        children.ForEach(c => c.Start());
        children.ForEach(c => Remember(c.Pid!.Value));
        foreach (var file in ready)
        {
            TempFiles.WaitForText(file);
        }

        children.ForEach(c => c.Terminate());

        Assert.All(children, c =>
        {
            Assert.True(c.Join(Long));
            Assert.Equal(-15, c.ExitCode);
        });
        Assert.DoesNotContain(mp.Process.ActiveChildren(), children.Contains);
    }

    [Fact]
    public async Task A_child_exit_is_a_death_watch_event_of_its_actor_under_system_processes()
    {
        var p = new mp.Process(static () => Thread.Sleep(Timeout.Infinite));
        p.Start();
        try
        {
            var actor = await p.ActorRef.WaitAsync(Long);
            Assert.StartsWith("/system/processes/", actor.Path.ToStringWithoutAddress());
            var terminated = new TaskCompletionSource<Terminated>(TaskCreationOptions.RunContinuationsAsynchronously);
            ProcessRuntime.Get().System.ActorOf(Props.Create(() => new Watcher(actor, terminated)));
            await Task.Delay(50);
            Assert.False(terminated.Task.IsCompleted);

            p.Kill();

            var message = await terminated.Task.WaitAsync(Long);
            Assert.Equal(actor, message.ActorRef);
        }
        finally
        {
            p.Kill();
            p.Join(Long);
        }
    }

    private void Remember(int pid) => _pids.Add((pid, OsProcesses.StartTime(pid)));

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef subject, TaskCompletionSource<Terminated> terminated)
        {
            Context.Watch(subject);
            Receive<Terminated>(t => terminated.TrySetResult(t));
        }
    }
}
