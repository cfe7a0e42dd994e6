namespace ActorProc.Actors.Tests.TestKitFeatures;

public class TimeFactorSpec(ITestOutputHelper output) : TestKit("actorproc.test.timefactor = 4", output)
{
    [Fact]
    public void The_time_factor_from_HOCON_dilates_every_duration_the_test_names()
    {
        Assert.Equal(4.0, Settings.TimeFactor);
        Assert.Equal(TimeSpan.FromMilliseconds(400), Dilated(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(TimeSpan.FromSeconds(12), RemainingOrDefault);
    }

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
