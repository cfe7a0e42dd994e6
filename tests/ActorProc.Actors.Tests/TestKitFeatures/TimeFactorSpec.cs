namespace ActorProc.Actors.Tests.TestKitFeatures;

public class TimeFactorSpec(ITestOutputHelper output) : TestKit("actorproc.test.timefactor = 50", output)
{
    [Fact]
    public void The_time_factor_from_HOCON_dilates_every_duration_the_test_names()
    {
        Assert.Equal(50.0, Settings.TimeFactor);
        Assert.Equal(TimeSpan.FromMilliseconds(5000), Dilated(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(TimeSpan.FromSeconds(150), RemainingOrDefault);
    }

    // The message arrives after the undilated 100 ms but well within the dilated 5 s (room for a loaded machine): only dilation lets it pass.
    [Fact]
    public void ExpectMsg_waits_the_dilated_duration()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(150), TestActor, "late", null);

        ExpectMsg("late", TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Within_bounds_the_block_by_the_dilated_time()
    {
        Within(TimeSpan.FromMilliseconds(100), () =>
        {
            Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(150), TestActor, "inside", null);
            ExpectMsg("inside");
        });
    }
}
