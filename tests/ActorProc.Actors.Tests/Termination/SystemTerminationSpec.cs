using System.Collections.Concurrent;

namespace ActorProc.Actors.Tests.Termination;

public class SystemTerminationSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Node : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _stops;

        public Node(ConcurrentQueue<string> stops, int depth)
        {
            _stops = stops;
            if (depth > 0)
            {
                Context.ActorOf(Props.Create(() => new Node(stops, depth - 1)), $"level{depth - 1}");
            }

            Receive<string>(_ => Sender.Tell("ready", Self));
        }

        protected override void PostStop() => _stops.Enqueue(Self.Path.ToStringWithoutAddress());
    }

    [Fact]
    public async Task Terminate_stops_children_before_parents_runs_shutdown_phases_in_order_and_completes()
    {
        using var system = ActorSystem.Create("terminating");
        var stops = new ConcurrentQueue<string>();
        var phases = new ConcurrentQueue<string>();
        system.AddShutdownTask(ShutdownPhase.AfterSystemStop, "after", _ =>
        {
            phases.Enqueue($"after-system-stop (user actors stopped: {stops.Count})");
            return Task.CompletedTask;
        });
        system.AddShutdownTask(ShutdownPhase.BeforeSystemStop, "before-system", _ =>
        {
            phases.Enqueue($"before-system-stop (user actors stopped: {stops.Count})");
            return Task.CompletedTask;
        });
        system.AddShutdownTask(ShutdownPhase.BeforeUserStop, "before-user", async _ =>
        {
            await Task.Yield();
            phases.Enqueue($"before-user-stop (user actors stopped: {stops.Count})");
        });
        system.RegisterOnTermination(() => phases.Enqueue("on-termination"));
        var top = system.ActorOf(Props.Create(() => new Node(stops, 2)), "top");
        Assert.Equal("ready", await top.Ask<string>("ping", TimeSpan.FromSeconds(3)));

        await system.Terminate().WaitAsync(Dilated(TimeSpan.FromSeconds(5)));

        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
        Assert.Equal(["/user/top/level1/level0", "/user/top/level1", "/user/top"], stops);
        Assert.Equal(
            ["before-user-stop (user actors stopped: 0)", "before-system-stop (user actors stopped: 3)", "after-system-stop (user actors stopped: 3)", "on-termination"],
            phases);
    }

    [Fact]
    public async Task ActorOf_after_Terminate_throws()
    {
        var system = ActorSystem.Create("terminated");
        await system.Terminate();

        Assert.True(system.IsTerminating);
        Assert.Throws<InvalidOperationException>(() => system.ActorOf(Props.Create(() => new Node(new ConcurrentQueue<string>(), 0))));
    }

    [Fact]
    public async Task A_system_terminated_right_after_it_was_created_still_terminates()
    {
        for (var i = 0; i < 20; i++)
        {
            var system = ActorSystem.Create($"short-lived-{i}");
            await system.Terminate().WaitAsync(Dilated(TimeSpan.FromSeconds(5)));
        }
    }

    [Fact]
    public async Task Terminate_is_idempotent_and_RegisterOnTermination_after_the_end_runs_at_once()
    {
        var system = ActorSystem.Create("twice");

        var first = system.Terminate();
        var second = system.Terminate();
        await first;

        Assert.Same(first, second);
        var ran = false;
        system.RegisterOnTermination(() => ran = true);
        Assert.True(ran);
    }
}
