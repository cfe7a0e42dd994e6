using ActorProc.Actors;
using ActorProc.Multiprocessing;
using Xunit.Abstractions;
using TestKitBase = ActorProc.TestKit.Xunit2.TestKit;

namespace ActorProc.Tests.Isolation;

public sealed class ProcessIsolationSpec(ITestOutputHelper output) : TestKitBase(output: output)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_isolated_actor_runs_in_another_process_and_answers_tell_and_ask()
    {
        var worker = Sys.ActorOf(Props.Create<Counter>().WithProcessIsolation(), "worker");

        worker.Tell("pid", TestActor);
        int pid = ExpectMsg<int>(Long);
        Assert.NotEqual(Environment.ProcessId, pid);

        worker.Tell("inc");
        worker.Tell("inc");
        Assert.Equal(2, await worker.Ask<int>("get", Long));
        Assert.Equal("/user/worker", worker.Path.ToStringWithoutAddress());
    }

    [Fact]
    public void Constructor_arguments_and_actor_refs_travel_with_the_props()
    {
        var probe = CreateTestProbe();
        var probeRef = probe.Ref;
        var worker = Sys.ActorOf(Props.Create(() => new Reporter(probeRef, "hello")).WithProcessIsolation());
        Assert.Equal("hello from the child", probe.ExpectMsg<string>(Long));
        worker.Tell("again");
        Assert.Equal("again", probe.ExpectMsg<string>(Long));
    }

    [Fact]
    public void Stop_ends_the_process_after_the_actor_stopped_and_watchers_get_Terminated()
    {
        var probe = CreateTestProbe();
        var probeRef = probe.Ref;
        var worker = Sys.ActorOf(Props.Create(() => new Reporter(probeRef, "up")).WithProcessIsolation());
        probe.ExpectMsg<string>(Long);
        worker.Tell("pid", TestActor);
        int pid = ExpectMsg<int>(Long);
        Watch(worker);

        Sys.Stop(worker);

        ExpectTerminated(worker, Long);
        Assert.Equal("stopped", probe.ExpectMsg<string>(Long));
        Assert.True(Support.OsProcesses.WaitUntilGone(pid, Long));
    }

    [Fact]
    public async Task A_failure_with_the_default_strategy_restarts_the_actor_in_a_fresh_process()
    {
        var worker = Sys.ActorOf(Props.Create<Counter>().WithProcessIsolation());
        worker.Tell("inc");
        worker.Tell("pid", TestActor);
        int first = ExpectMsg<int>(Long);

        worker.Tell("fail");

        AwaitAssert(
            () =>
            {
                worker.Tell("pid", TestActor);
                Assert.NotEqual(first, ExpectMsg<int>(TimeSpan.FromSeconds(5)));
            },
            Long);
        Assert.Equal(0, await worker.Ask<int>("get", Long));
        Assert.True(Support.OsProcesses.WaitUntilGone(first, Long));
    }

    [Fact]
    public async Task A_killed_process_with_the_default_strategy_is_restarted_with_fresh_state()
    {
        var worker = Sys.ActorOf(Props.Create<Counter>().WithProcessIsolation());
        worker.Tell("inc");
        Assert.Equal(1, await worker.Ask<int>("get", Long));
        int first = await worker.Ask<int>("pid", Long);

        Support.OsProcesses.Kill(first);

        await AwaitAssertAsync(first, worker);
        Assert.Equal(0, await worker.Ask<int>("get", Long));
    }

    private async Task AwaitAssertAsync(int oldPid, IActorRef worker)
    {
        var deadline = DateTime.UtcNow + Long;
        while (true)
        {
            try
            {
                if (await worker.Ask<int>("pid", TimeSpan.FromSeconds(5)) != oldPid)
                {
                    return;
                }
            }
            catch (AskTimeoutException) when (DateTime.UtcNow < deadline)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, "the isolated actor was not restarted in a new process");
        }
    }

    [Fact]
    public void A_killed_process_with_a_stopping_strategy_stops_the_actor_and_watchers_get_Terminated()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(Props.Create<Counter>().WithProcessIsolation())));
        parent.Tell("child", TestActor);
        var worker = ExpectMsg<IActorRef>(Long);
        Watch(worker);
        worker.Tell("pid", TestActor);
        int pid = ExpectMsg<int>(Long);

        Support.OsProcesses.Kill(pid);

        ExpectTerminated(worker, Long);
        parent.Tell("failure", TestActor);
        var failure = ExpectMsg<WorkerCrashedException>(Long);
        Assert.Equal(-9, failure.ExitCode);
    }

    private sealed class Counter : ReceiveActor
    {
        private int _count;

        public Counter()
        {
            Receive<string>(s => s == "inc", _ => _count++);
            Receive<string>(s => s == "get", _ => Sender.Tell(_count));
            Receive<string>(s => s == "pid", _ => Sender.Tell(Environment.ProcessId));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("asked to fail"));
        }
    }

    private sealed class Reporter : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Reporter(IActorRef probe, string greeting)
        {
            _probe = probe;
            probe.Tell(greeting + (greeting == "hello" ? " from the child" : ""));
            Receive<string>(s => s == "pid", _ => Sender.Tell(Environment.ProcessId));
            Receive<string>(s => probe.Tell(s));
        }

        protected override void PostStop() => _probe.Tell("stopped");
    }

    private sealed class Parent : ReceiveActor
    {
        private Exception? _failure;

        public Parent(Props childProps)
        {
            var child = Context.ActorOf(childProps, "isolated");
            Receive<string>(s => s == "child", _ => Sender.Tell(child));
            Receive<string>(s => s == "failure", _ => Sender.Tell(_failure!));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
        {
            _failure = e;
            return Directive.Stop;
        });
    }
}
