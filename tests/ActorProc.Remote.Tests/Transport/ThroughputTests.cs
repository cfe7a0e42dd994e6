using System.Diagnostics;
using ActorProc.Remote.Tests.Transport.Support;
using ActorProc.Remote.Transport;
using Xunit;
using Xunit.Abstractions;

namespace ActorProc.Remote.Tests.Transport;

[Collection(IsolatedCollection.Name)]
public sealed class ThroughputTests(ITestOutputHelper output)
{
    /// <summary>Reports (does not assert) one-way frames/s for 32-byte frames over a Unix socket.</summary>
    [Fact]
    public async Task Small_frames_one_way_over_a_unix_socket_reports_throughput()
    {
        const int Count = 500_000;
        await using TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), TestOptions.Create());
        var receiver = new OrderCheckingHandler(Count);
        await using TransportConnection<int> sender = await FramingTests.StartIntSenderAsync(listener, receiver);

        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < Count; i++)
        {
            sender.TrySend(i);
        }

        await receiver.AllReceived.Guard();
        watch.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.Equal(-1, receiver.FirstOutOfOrder);
        output.WriteLine(
            $"{Count} x 32-byte frames in {watch.Elapsed.TotalMilliseconds:0} ms = {Count / watch.Elapsed.TotalSeconds:N0} frames/s, " +
            $"{sender.Stats.Flushes} flushes, {(double)allocated / Count:0.00} bytes allocated per frame (process-wide, incl. send-queue growth)");
    }

    /// <summary>
    /// Reports (does not assert) the allocations per frame once the send queue has reached its working
    /// size: 200 rounds of 1,000 frames, each round awaited before the next.
    /// </summary>
    [Fact]
    public async Task Steady_state_allocation_per_frame_is_reported()
    {
        const int Rounds = 200;
        const int PerRound = 1000;
        await using TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), TestOptions.Create());
        var receiver = new CountingHandler();
        await using TransportConnection<int> sender = await FramingTests.StartIntSenderAsync(listener, receiver);
        await SendRoundAsync(sender, receiver, PerRound);

        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (int round = 0; round < Rounds; round++)
        {
            await SendRoundAsync(sender, receiver, PerRound);
        }

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.Equal((Rounds + 1) * PerRound, receiver.Count);
        output.WriteLine(
            $"steady state: {(double)allocated / (Rounds * PerRound):0.00} bytes allocated per frame (process-wide, incl. test waits), " +
            $"{sender.Stats.Flushes} flushes for {sender.Stats.FramesSent} frames");
    }

    private static async Task SendRoundAsync(TransportConnection<int> sender, CountingHandler receiver, int count)
    {
        long target = receiver.Count + count;
        for (int i = 0; i < count; i++)
        {
            sender.TrySend(i);
        }

        await receiver.WaitForCountAsync(target);
    }
}
