using ActorProc.Actors;
using ActorProc.Hosting.Tests.Support;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorProc.Hosting.Tests.Hosting;

public sealed class SystemTerminationSpec : HostSpec
{
    [Fact]
    public async Task Terminating_the_actor_system_stops_the_host()
    {
        var host = BuildHost();
        var running = host.RunAsync();
        var lifetime = Get<IHostApplicationLifetime>(host);
        await WaitUntil(lifetime.ApplicationStarted);

        _ = Get<ActorSystem>(host).Terminate();

        await running.WaitAsync(Long);
        Assert.True(lifetime.ApplicationStopped.IsCancellationRequested);
        Assert.Contains(Logs.Logs, l => l.Level == LogLevel.Warning && l.Message.Contains("terminated; stopping the host", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failure_escalated_to_the_root_terminates_the_system_and_stops_the_host()
    {
        var host = BuildHost(
            actorProc => actorProc.WithActors((system, registry, _) => registry.Register<FailingActor>(system.ActorOf(Props.Create<FailingActor>(), "failing"))),
            hocon: "actorproc.actor.guardian-supervisor-strategy = escalate");
        var running = host.RunAsync();
        await WaitUntil(Get<IHostApplicationLifetime>(host).ApplicationStarted);
        var system = Get<ActorSystem>(host);

        Get<ActorRegistry>(host).Get<FailingActor>().Tell("fail");

        await running.WaitAsync(Long);
        Assert.True(system.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task A_host_stop_does_not_report_the_termination_as_unexpected()
    {
        var host = BuildHost();
        await host.StartAsync();
        await host.StopAsync().WaitAsync(Long);

        Assert.True(Get<ActorSystem>(host).WhenTerminated.IsCompleted);
        Assert.DoesNotContain(Logs.Logs, l => l.Message.Contains("stopping the host", StringComparison.Ordinal));
    }

    private static Task WaitUntil(CancellationToken token)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => fired.TrySetResult());
        return fired.Task.WaitAsync(Long);
    }
}
