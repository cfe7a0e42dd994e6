using ActorProc.Actors;
using ActorProc.Hosting.Tests.Support;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Hosting.Tests.Hosting;

public sealed class HostStopSpec : HostSpec
{
    [Fact]
    public async Task Stop_joins_non_daemon_children_then_terminates_daemons()
    {
        var host = BuildHost(hocon: "actorproc.process.spares = 0");
        await host.StartAsync();
        var release = new mp.Event();
        var worker = Start(new mp.Process(Targets.WaitFor(release), name: "worker", daemon: false));
        var daemon = Start(new mp.Process(() => Thread.Sleep(Timeout.Infinite), name: "daemon", daemon: true));
        bool workerEndedFirst = false;
        var daemonEnded = daemon.JoinAsync().ContinueWith(_ => workerEndedFirst = worker.ExitCode is not null, TaskScheduler.Default);

        var stopping = host.StopAsync();
        Assert.True(daemon.IsAlive);
        release.Set();
        await stopping.WaitAsync(Long);
        await daemonEnded.WaitAsync(Long);

        Assert.Equal(0, worker.ExitCode);   // joined: it ended by itself
        Assert.Equal(-15, daemon.ExitCode); // terminated after the worker ended
        Assert.True(workerEndedFirst);
        Assert.Null(ProcessRuntime.Existing);
    }

    [Fact]
    public async Task Children_still_running_when_the_shutdown_timeout_passes_are_killed()
    {
        var host = BuildHost(
            hocon: "actorproc.process.spares = 0",
            customize: builder => builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1)));
        await host.StartAsync();
        var stuck = Start(new mp.Process(() => Thread.Sleep(Timeout.Infinite), name: "stuck", daemon: false));
        var daemon = Start(new mp.Process(() => Thread.Sleep(Timeout.Infinite), name: "daemon", daemon: true));
        var system = Get<ActorSystem>(host);

        await host.StopAsync().WaitAsync(Long);
        Assert.True(stuck.Join(Long));
        Assert.True(daemon.Join(Long));
        Assert.Equal(-9, stuck.ExitCode);
        Assert.Equal(-9, daemon.ExitCode);
        await system.WhenTerminated.WaitAsync(Long);
    }

    [Fact]
    public async Task Stop_ends_the_process_of_an_isolated_actor_without_restarting_it()
    {
        var host = BuildHost(actorProc => actorProc.WithActors((system, registry, _) =>
            registry.Register<PidActor>(system.ActorOf(Props.Create<PidActor>().WithProcessIsolation(), "isolated"))));
        await host.StartAsync();
        int pid = await Get<ActorRegistry>(host).Get<PidActor>().Ask<int>("pid?", Long);
        Assert.NotEqual(Environment.ProcessId, pid);

        await host.StopAsync().WaitAsync(Long);

        Assert.True(OsProcesses.WaitUntilGone(pid, Long));
        Assert.Empty(mp.Process.ActiveChildren());
    }

    [Fact]
    public async Task After_a_stop_a_new_host_starts_a_new_actor_system()
    {
        var first = BuildHost();
        await first.StartAsync();
        var firstSystem = Get<ActorSystem>(first);
        await first.StopAsync().WaitAsync(Long);
        Assert.True(firstSystem.WhenTerminated.IsCompleted);

        var second = BuildHost();
        await second.StartAsync();
        var child = Start(new mp.Process(() => mp.Process.Exit(5)));
        Assert.True(child.Join(Long));

        Assert.NotSame(firstSystem, Get<ActorSystem>(second));
        Assert.Equal(5, child.ExitCode);
    }
}
