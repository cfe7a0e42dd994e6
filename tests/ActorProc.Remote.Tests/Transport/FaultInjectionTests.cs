using ActorProc.Remote.Tests.Transport.Support;
using ActorProc.Remote.Transport;
using Xunit;

namespace ActorProc.Remote.Tests.Transport;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Drop_all_discards_every_outgoing_frame()
    {
        var faults = new FaultInjector();
        await using ConnectedPair pair = await ConnectedPair.CreateAsync(clientOptions: TestOptions.Create(faults: faults));
        faults.DropAll();

        SendNumbered(pair.Client, 10);
        await DrainAndCloseAsync(pair);

        Assert.Equal(0, pair.ServerInbox.Count);
        Assert.Equal(10, faults.FramesDropped);
        Assert.Equal(10, pair.Client.Stats.FramesDropped);
    }

    [Fact]
    public async Task Drop_every_nth_discards_exactly_the_nth_frames()
    {
        var faults = new FaultInjector();
        await using ConnectedPair pair = await ConnectedPair.CreateAsync(clientOptions: TestOptions.Create(faults: faults));
        faults.DropEveryNth(3);

        SendNumbered(pair.Client, 9);
        await DrainAndCloseAsync(pair);

        Assert.Equal(new[] { 0, 1, 3, 4, 6, 7 }, Received(pair));
    }

    [Fact]
    public async Task Seeded_probabilistic_drop_is_reproducible_from_the_seed()
    {
        const int Count = 1000;
        const double P = 0.3;
        const int Seed = 7;
        var faults = new FaultInjector();
        await using ConnectedPair pair = await ConnectedPair.CreateAsync(clientOptions: TestOptions.Create(faults: faults));
        faults.DropWithProbability(P, Seed);

        SendNumbered(pair.Client, Count);
        await DrainAndCloseAsync(pair);

        var random = new Random(Seed);
        int[] expected = Enumerable.Range(0, Count).Where(_ => random.NextDouble() >= P).ToArray();
        Assert.Equal(expected, Received(pair));
        Assert.InRange(faults.FramesDropped, 1, Count - 1);
    }

    [Fact]
    public async Task Delay_holds_outgoing_frames_until_the_delay_elapses()
    {
        var clock = new ManualTimeProvider();
        var faults = new FaultInjector(clock);
        await using ConnectedPair pair = await ConnectedPair.CreateAsync(clientOptions: TestOptions.Create(faults: faults));
        faults.DelayOutgoing(TimeSpan.FromHours(1));

        Assert.True(pair.Client.TrySend([1]));
        TimeSpan due = await clock.FirstTimerCreated.Guard();

        // The writer loop is parked on the delay timer, so nothing can have been written yet.
        Assert.Equal(TimeSpan.FromHours(1), due);
        Assert.Equal(0, pair.Client.Stats.FramesSent);
        Assert.Equal(0, pair.ServerInbox.Count);

        clock.FireAll();
        await pair.ServerInbox.WaitForCountAsync(1);
        Assert.Equal([1], pair.ServerInbox.Frames[0]);
    }

    [Fact]
    public async Task Disconnect_now_ends_the_connection_on_both_sides()
    {
        var faults = new FaultInjector();
        await using ConnectedPair pair = await ConnectedPair.CreateAsync(clientOptions: TestOptions.Create(faults: faults));

        Assert.Equal(1, faults.DisconnectNow());

        Assert.Equal(DisconnectReason.FaultInjected, (await pair.Client.Completion.Guard()).Reason);
        Assert.Equal(DisconnectReason.ClosedByPeer, (await pair.Server.Completion.Guard()).Reason);
        Assert.False(pair.Client.TrySend([1]));
        Assert.Equal(0, faults.AttachedConnections);
    }

    [Fact]
    public async Task Injector_in_listener_options_acts_on_accepted_connections()
    {
        var faults = new FaultInjector();
        TransportOptions serverOptions = TestOptions.Create(faults: faults);
        await using ConnectedPair dropping = await ConnectedPair.CreateAsync(serverOptions: serverOptions);
        faults.DropAll();

        Assert.True(dropping.Server.TrySend([1]));
        Assert.Equal(DisconnectReason.LocalClose, (await dropping.Server.CloseAfterDrainAsync().Guard()).Reason);
        Assert.Equal(DisconnectReason.ClosedByPeer, (await dropping.Client.Completion.Guard()).Reason);
        Assert.Equal(0, dropping.ClientInbox.Count);
        Assert.Equal(1, faults.FramesDropped);

        await using ConnectedPair disconnecting = await ConnectedPair.CreateAsync(serverOptions: serverOptions);
        Assert.Equal(1, faults.DisconnectNow());
        Assert.Equal(DisconnectReason.FaultInjected, (await disconnecting.Server.Completion.Guard()).Reason);
        Assert.Equal(DisconnectReason.ClosedByPeer, (await disconnecting.Client.Completion.Guard()).Reason);
    }

    private static void SendNumbered(TransportConnection<byte[]> connection, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Assert.True(connection.TrySend(BitConverter.GetBytes(i)));
        }
    }

    /// <summary>
    /// Drains the client's queue through the injector, closes it, and waits until the server side has
    /// ended: after that no further frame can reach the server's inbox.
    /// </summary>
    private static async Task DrainAndCloseAsync(ConnectedPair pair)
    {
        Assert.Equal(DisconnectReason.LocalClose, (await pair.Client.CloseAfterDrainAsync().Guard()).Reason);
        Assert.Equal(DisconnectReason.ClosedByPeer, (await pair.Server.Completion.Guard()).Reason);
    }

    private static int[] Received(ConnectedPair pair) =>
        pair.ServerInbox.Frames.Select(f => BitConverter.ToInt32(f)).ToArray();
}
