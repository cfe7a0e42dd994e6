namespace ActorProc.Actors.Tests.Ask;

public class AskSpec(ITestOutputHelper output) : TestKit(output: output)
{
    private sealed class Responder : ReceiveActor
    {
        public Responder()
        {
            Receive<string>(s => s == "fail", _ => Sender.Tell(new Status.Failure(new InvalidOperationException("refused")), Self));
            Receive<string>(s => s == "silent", _ => { });
            Receive<string>(s => s == "number", _ => Sender.Tell(42, Self));
            Receive<string>(s => Sender.Tell(s.ToUpperInvariant(), Self));
        }
    }

    private IActorRef NewResponder() => Sys.ActorOf(Props.Create<Responder>());

    [Fact]
    public async Task Ask_completes_with_the_reply()
    {
        var reply = await NewResponder().Ask<string>("hello", TimeSpan.FromSeconds(3));

        Assert.Equal("HELLO", reply);
    }

    [Fact]
    public async Task A_Status_Failure_reply_faults_the_task_with_its_cause()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => NewResponder().Ask<string>("fail", TimeSpan.FromSeconds(3)));

        Assert.Equal("refused", e.Message);
    }

    [Fact]
    public async Task No_reply_within_the_timeout_throws_AskTimeoutException()
    {
        await Assert.ThrowsAsync<AskTimeoutException>(() => NewResponder().Ask<string>("silent", TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task A_reply_of_the_wrong_type_throws_InvalidCastException()
    {
        var e = await Assert.ThrowsAsync<InvalidCastException>(() => NewResponder().Ask<string>("number", TimeSpan.FromSeconds(3)));

        Assert.Contains("Int32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_the_ask()
    {
        using var cts = new CancellationTokenSource();
        var ask = NewResponder().Ask<string>("silent", null, cts.Token);
        Assert.False(ask.IsCompleted);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
        Assert.True(ask.IsCanceled);
    }

    [Fact]
    public async Task Asking_a_stopped_actor_fails_at_once()
    {
        var responder = NewResponder();
        Watch(responder);
        Sys.Stop(responder);
        ExpectTerminated(responder);

        var ask = responder.Ask<string>("hello", TimeSpan.FromMinutes(1));

        Assert.True(ask.IsFaulted);
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
    }

    [Fact]
    public async Task The_replying_actor_sees_a_temporary_sender_that_is_not_the_caller()
    {
        var probe = CreateTestProbe();

        var ask = probe.Ref.Ask<string>("question", TimeSpan.FromSeconds(3));
        probe.ExpectMsg("question");
        Assert.NotEqual(TestActor, probe.LastSender);
        probe.Reply("answer");

        Assert.Equal("answer", await ask);
    }
}
