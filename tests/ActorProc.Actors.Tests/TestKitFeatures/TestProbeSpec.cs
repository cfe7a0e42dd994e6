namespace ActorProc.Actors.Tests.TestKitFeatures;

public class TestProbeSpec(ITestOutputHelper output) : TestKit(output: output)
{
    [Fact]
    public void ExpectMsg_fails_on_an_unexpected_message_and_ExpectNoMsg_fails_when_one_arrives()
    {
        TestActor.Tell("one", null);
        Assert.ThrowsAny<Exception>(() => ExpectMsg("two"));

        TestActor.Tell("three", null);
        Assert.ThrowsAny<Exception>(() => ExpectNoMsg(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void Within_fails_when_the_block_takes_longer_than_allowed()
    {
        Assert.ThrowsAny<Exception>(() => Within(TimeSpan.FromMilliseconds(50), () => ExpectNoMsg(TimeSpan.FromMilliseconds(150))));
    }

    [Fact]
    public void AwaitCondition_and_AwaitAssert_retry_until_the_condition_holds()
    {
        var count = 0;
        Sys.Scheduler.ScheduleRepeatedly(TimeSpan.Zero, TimeSpan.FromMilliseconds(10), () => Interlocked.Increment(ref count));

        AwaitCondition(() => Volatile.Read(ref count) >= 3);
        AwaitAssert(() => Assert.True(Volatile.Read(ref count) >= 5));
        Assert.ThrowsAny<Exception>(() => AwaitCondition(() => false, TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void FishForMessage_skips_until_a_match_and_ReceiveN_takes_exactly_n()
    {
        foreach (var m in new object[] { 1, "skip", 2.0, "target", "a", "b" })
        {
            TestActor.Tell(m, null);
        }

        Assert.Equal("target", FishForMessage<string>(s => s == "target"));
        Assert.Equal(["a", "b"], ReceiveN(2));
    }
}
