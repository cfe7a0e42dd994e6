using ActorProc.Actors;
using ActorProc.Hosting.Tests.Support;
using ActorProc.Multiprocessing.Runtime;
using Microsoft.Extensions.Logging;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Hosting.Tests.Hosting;

public sealed class ChildLogForwardingSpec : HostSpec
{
    [Fact]
    public async Task A_childs_log_events_reach_the_host_logger_in_a_scope_with_its_name_and_pid()
    {
        var host = BuildHost(hocon: "actorproc.process.spares = 0");
        await host.StartAsync();
        var child = Start(new mp.Process(Targets.LogHelloAndFailure, name: "greeter"));
        Assert.True(child.Join(Long));

        // Join returned: the child flushed its events before exiting, and they were written before the exit was reported.
        var hello = Assert.Single(Logs.Logs, l => l.Category == "Child.Greeter" && l.Level == LogLevel.Information);
        Assert.Equal("hello 42 from greeter", hello.Message);
        Assert.Equal(new EventId(7, "Hello"), hello.EventId);
        Assert.Equal("greeter", hello.ScopeValue("ProcessName"));
        Assert.Equal(child.Pid, hello.ScopeValue("ProcessId"));
        Assert.Equal("42", hello.Property("Number"));
        Assert.Equal("hello {Number} from {Who}", hello.Property("{OriginalFormat}"));

        var failure = Assert.Single(Logs.Logs, l => l.Category == "Child.Greeter" && l.Level == LogLevel.Error);
        Assert.Equal("it failed", failure.Message);
        Assert.NotNull(failure.Exception);
        Assert.Equal("bad input in the child", failure.Exception.Message);
        Assert.StartsWith("System.FormatException: bad input in the child", failure.Exception.ToString(), StringComparison.Ordinal);
        Assert.Equal(child.Pid, failure.ScopeValue("ProcessId"));
    }

    [Fact]
    public async Task Events_logged_right_before_the_child_exits_are_all_written_in_order()
    {
        var host = BuildHost(hocon: "actorproc.process.spares = 0");
        await host.StartAsync();
        var child = Start(new mp.Process(Targets.LogManyThenExit(2000), name: "burst"));
        Assert.True(child.Join(Long));

        Assert.Equal(3, child.ExitCode);
        var burst = Logs.Logs.Where(l => l.Category == "Child.Burst").Select(l => l.Message).ToList();
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => $"event {i}"), burst);
    }

    [Fact]
    public async Task The_actor_system_events_of_an_isolated_actors_process_are_forwarded()
    {
        var host = BuildHost(actorProc => actorProc.WithActors((system, registry, _) =>
            registry.Register<TalkerActor>(system.ActorOf(Props.Create<TalkerActor>().WithProcessIsolation(), "talker"))));
        await host.StartAsync();

        Assert.Equal("logged", await Get<ActorRegistry>(host).Get<TalkerActor>().Ask<string>("hi", Long));

        var started = Logs.WaitFor(l => l.Message.StartsWith("[actorproc", StringComparison.Ordinal) && l.Message.Contains("talker started in", StringComparison.Ordinal));
        var got = Logs.WaitFor(l => l.Level == LogLevel.Warning && l.Message.EndsWith("talker got hi", StringComparison.Ordinal));
        Assert.Equal(typeof(TalkerActor).FullName, got.Category);
        Assert.Equal("actor:/user/talker", got.ScopeValue("ProcessName"));
        Assert.NotEqual(Environment.ProcessId, got.ScopeValue("ProcessId"));
        Assert.Equal(got.ScopeValue("ProcessId"), started.ScopeValue("ProcessId"));
    }

    [Fact]
    public async Task A_grandchilds_events_come_through_its_parent_with_the_grandchilds_name_and_pid()
    {
        var host = BuildHost(hocon: "actorproc.process.spares = 0");
        await host.StartAsync();
        var child = Start(new mp.Process(Targets.StartLoggingGrandchild, name: "middle"));
        Assert.True(child.Join(Long));

        var warning = Assert.Single(Logs.Logs, l => l.Category == "Child.Grandchild");
        Assert.Equal("grandchild", warning.ScopeValue("ProcessName"));
        var pid = Assert.IsType<int>(warning.ScopeValue("ProcessId"));
        Assert.Equal($"grandchild {pid} here", warning.Message);
        Assert.NotEqual(child.Pid, pid);
    }

    [Fact]
    public async Task A_spare_forwards_its_start_up_events_under_the_name_of_the_process_it_becomes()
    {
        var host = BuildHost(hocon: "actorproc.process.spares = 1");
        await host.StartAsync();
        Assert.True(Start(new mp.Process(() => { }, name: "first")).Join(Long));
        var runtime = ProcessRuntime.Existing!;
        var deadline = DateTime.UtcNow + Long;
        while (runtime.Spares.Count == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        var second = Start(new mp.Process(() => { }, name: "second"));
        Assert.True(second.Join(Long));

        var remoting = Assert.Single(Logs.Logs, l => l.Message.Contains("Remoting started; listening on", StringComparison.Ordinal) && Equals(l.ScopeValue("ProcessId"), second.Pid));
        Assert.Equal("second", remoting.ScopeValue("ProcessName"));
    }

    [Fact]
    public async Task With_forward_logs_off_children_keep_their_events()
    {
        var host = BuildHost(hocon: "actorproc.process { spares = 0, forward-logs = off }");
        await host.StartAsync();
        var child = Start(new mp.Process(Targets.LogHelloAndFailure, name: "quiet"));
        Assert.True(child.Join(Long));

        Assert.Equal(0, child.ExitCode);
        Assert.DoesNotContain(Logs.Logs, l => l.ScopeValue("ProcessName") is not null);
    }
}
