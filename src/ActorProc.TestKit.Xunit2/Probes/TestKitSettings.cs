namespace ActorProc.TestKit.Xunit2;

/// <summary>
/// TestKit timing settings (<c>actorproc.test.*</c>): every duration a test names is multiplied by
/// <see cref="TimeFactor"/>, so a slow CI machine can stretch all of them at once.
/// </summary>
public sealed record TestKitSettings
{
    /// <summary>Factor applied to durations (<c>actorproc.test.timefactor</c>, default 1; the environment variable <c>ACTORPROC_TEST_TIMEFACTOR</c> overrides it).</summary>
    public double TimeFactor { get; init; } = 1.0;

    /// <summary>Default wait of an expectation without a duration (<c>actorproc.test.single-expect-default</c>, default 3s).</summary>
    public TimeSpan SingleExpectDefault { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long <c>ExpectNoMsg()</c> without a duration waits (<c>actorproc.test.expect-no-message-default</c>, default 100ms).</summary>
    public TimeSpan ExpectNoMessageDefault { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long the system may take to terminate at dispose (<c>actorproc.test.shutdown-timeout</c>, default 10s).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an event filter waits for its events (<c>actorproc.test.filter-leeway</c>, default 3s).</summary>
    public TimeSpan FilterLeeway { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Multiplies a duration by the time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TimeFactor));
}
