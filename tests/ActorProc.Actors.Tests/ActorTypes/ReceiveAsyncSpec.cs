namespace ActorProc.Actors.Tests.ActorTypes;

public class ReceiveAsyncSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed record Work(TaskCompletionSource Gate);

    private sealed class AsyncWorker : ReceiveActor
    {
        public AsyncWorker(IActorRef probe)
        {
            ReceiveAsync<Work>(async work =>
            {
                var sender = Sender;
                var self = Self;
                probe.Tell("started");
                await work.Gate.Task;
                await Task.Yield();
                probe.Tell(Sender.Equals(sender) && Self.Equals(self) ? "context kept" : "context lost");
                Sender.Tell("done", Self);
            });
            Receive<string>(s => probe.Tell($"next {s}"));
        }
    }

    private sealed class Failing : ReceiveActor
    {
        public Failing(IActorRef probe)
        {
            probe.Tell("constructed");
            ReceiveAsync<string>(async s =>
            {
                await Task.Yield();
                throw new InvalidOperationException($"async failure on {s}");
            });
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            Sender.Tell(reason, Self);
            base.PreRestart(reason, message);
        }
    }

    private sealed class RestartReporter : ReceiveActor
    {
        private readonly IActorRef _probe;

        public RestartReporter(IActorRef probe)
        {
            _probe = probe;
            ReceiveAsync<string>(async s =>
            {
                await Task.Delay(1);
                throw new InvalidOperationException(s);
            });
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            _probe.Tell(message ?? "no message");
            base.PreRestart(reason, message);
        }
    }

    [Fact]
    public void Awaits_in_an_async_handler_keep_Sender_and_Self()
    {
        var worker = Sys.ActorOf(Props.Create(() => new AsyncWorker(TestActor)));
        var requester = CreateTestProbe("requester");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        worker.Tell(new Work(gate), requester.Ref);
        ExpectMsg("started");
        gate.SetResult();

        ExpectMsg("context kept");
        requester.ExpectMsg("done");
        Assert.Equal(worker, requester.LastSender);
    }

    [Fact]
    public void Messages_are_not_processed_while_the_handler_task_is_pending()
    {
        var worker = Sys.ActorOf(Props.Create(() => new AsyncWorker(TestActor)));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        worker.Tell(new Work(gate), TestActor);
        ExpectMsg("started");
        worker.Tell("queued", TestActor);
        ExpectNoMsg(TimeSpan.FromMilliseconds(150));

        gate.SetResult();
        ExpectMsg("context kept");
        ExpectMsg("done");
        ExpectMsg("next queued");
    }

    [Fact]
    public void A_faulted_handler_task_fails_the_actor_and_its_supervisor_restarts_it()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Failing(TestActor)));
        ExpectMsg("constructed");

        EventFilter.Exception<InvalidOperationException>(contains: "async failure").ExpectOne(() => actor.Tell("x", TestActor));

        ExpectMsg<InvalidOperationException>(e => e.Message == "async failure on x");
        ExpectMsg("constructed");
    }

    [Fact]
    public void PreRestart_after_a_faulted_handler_task_gets_the_message_that_failed()
    {
        var actor = Sys.ActorOf(Props.Create(() => new RestartReporter(TestActor)));
        using var mute = EventFilter.Exception<InvalidOperationException>().Mute();

        actor.Tell("the failing message", TestActor);

        ExpectMsg("the failing message");
    }
}
