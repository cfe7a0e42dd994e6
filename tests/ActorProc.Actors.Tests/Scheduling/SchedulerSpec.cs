namespace ActorProc.Actors.Tests.Scheduling;

public class SchedulerSpec(ITestOutputHelper output) : TestKit(output: output)
{
    [Fact]
    public void ScheduleTellOnce_delivers_the_message_once_with_the_given_sender()
    {
        var sender = CreateTestProbe("sender");

        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(20), TestActor, "later", sender.Ref);

        ExpectMsg("later");
        Assert.Equal(sender.Ref, LastSender);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void ScheduleTellRepeatedly_delivers_until_cancelled()
    {
        var cancelable = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(20), TestActor, "tick", null);

        ExpectMsg("tick");
        ExpectMsg("tick");
        ExpectMsg("tick");
        cancelable.Cancel();

        Assert.True(cancelable.IsCancellationRequested);
        TestActor.Tell("marker", null);
        FishForMessage(m => Equals(m, "marker"));
        ExpectNoMsg(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public void Cancelling_a_scheduled_tell_before_it_is_due_prevents_delivery()
    {
        var cancelable = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(100), TestActor, "never", null);

        cancelable.Cancel();

        Assert.True(cancelable.IsCancellationRequested);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void ScheduleOnce_and_ScheduleRepeatedly_run_actions()
    {
        var runs = 0;
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromMilliseconds(10), () => TestActor.Tell("ran", null));
        var repeated = Sys.Scheduler.ScheduleRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(10), () => Interlocked.Increment(ref runs));

        ExpectMsg("ran");
        AwaitCondition(() => Volatile.Read(ref runs) >= 3);
        repeated.Cancel();
    }
}
