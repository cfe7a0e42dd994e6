using System.Buffers.Binary;
using System.Net;
using ActorProc.Remote.Tests.Transport.Support;
using ActorProc.Remote.Transport;
using Xunit;

namespace ActorProc.Remote.Tests.Transport;

public sealed class FramingTests
{
    [Fact]
    public async Task Frames_round_trip_in_both_directions_over_a_unix_socket()
    {
        await using ConnectedPair pair = await ConnectedPair.CreateAsync();

        Assert.True(pair.Client.TrySend([1, 2, 3]));
        Assert.True(pair.Server.TrySend([9, 8]));

        await pair.ServerInbox.WaitForCountAsync(1);
        await pair.ClientInbox.WaitForCountAsync(1);
        Assert.Equal([1, 2, 3], pair.ServerInbox.Frames[0]);
        Assert.Equal([9, 8], pair.ClientInbox.Frames[0]);
    }

    [Fact]
    public async Task Frames_round_trip_over_tcp_and_port_zero_reports_the_real_port()
    {
        await using ConnectedPair pair = await ConnectedPair.CreateAsync(new IPEndPoint(IPAddress.Loopback, 0));

        var bound = Assert.IsType<IPEndPoint>(pair.Listener.LocalEndPoint);
        Assert.NotEqual(0, bound.Port);
        Assert.True(pair.Client.TrySend("hello over tcp"u8.ToArray()));
        Assert.True(pair.Server.TrySend("and back"u8.ToArray()));

        await pair.ServerInbox.WaitForCountAsync(1);
        await pair.ClientInbox.WaitForCountAsync(1);
        Assert.Equal("hello over tcp"u8.ToArray(), pair.ServerInbox.Frames[0]);
        Assert.Equal("and back"u8.ToArray(), pair.ClientInbox.Frames[0]);
    }

    [Fact]
    public async Task Hundred_thousand_small_frames_arrive_in_order_and_are_batched_into_few_flushes()
    {
        const int Count = 100_000;
        await using TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), TestOptions.Create());
        var ordered = new OrderCheckingHandler(Count);
        await using TransportConnection<int> sender = await StartIntSenderAsync(listener, ordered);

        for (int i = 0; i < Count; i++)
        {
            Assert.True(sender.TrySend(i));
        }

        await ordered.AllReceived.Guard();
        Assert.Equal(-1, ordered.FirstOutOfOrder);
        Assert.Equal(Count, sender.Stats.FramesSent);
        Assert.True(
            sender.Stats.Flushes * 4 < sender.Stats.FramesSent,
            $"expected batching, got {sender.Stats.Flushes} flushes for {sender.Stats.FramesSent} frames");
    }

    [Fact]
    public async Task Sixty_four_MiB_frame_arrives_intact_when_the_maximum_is_eighty_MiB()
    {
        const int Max = 80 * 1024 * 1024;
        TransportOptions options = TestOptions.Create(maxFrameSize: Max);
        await using ConnectedPair pair = await ConnectedPair.CreateAsync(serverOptions: options, clientOptions: options);
        byte[] big = new byte[64 * 1024 * 1024];
        new Random(64).NextBytes(big);

        Assert.True(pair.Client.TrySend(big));

        await pair.ServerInbox.WaitForCountAsync(1);
        Assert.True(big.AsSpan().SequenceEqual(pair.ServerInbox.Frames[0]));
        Assert.Equal(big.Length, pair.Server.Stats.BytesReceived);
    }

    [Fact]
    public async Task Frame_over_the_maximum_closes_only_that_connection()
    {
        TransportOptions serverOptions = TestOptions.Create(maxFrameSize: 1024 * 1024);
        await using ConnectedPair offender = await ConnectedPair.CreateAsync(serverOptions: serverOptions);
        var bystanderInbox = new RecordingHandler();
        Task<AuthenticatedLink> accepting = offender.Listener.AcceptAsync().AsTask();
        await using TransportConnection<byte[]> bystander = (await TransportClient.ConnectAsync(
            offender.Listener.LocalEndPoint, TestOptions.Identity("bystander"), TestOptions.Create()).Guard())
            .Start(TestOptions.BytesWriter, new RecordingHandler());
        var bystanderServerInbox = new RecordingHandler();
        await using TransportConnection<byte[]> bystanderServer = (await accepting.Guard()).Start(TestOptions.BytesWriter, bystanderServerInbox);

        Assert.True(offender.Client.TrySend(new byte[(1024 * 1024) + 1]));

        DisconnectInfo serverSide = await offender.Server.Completion.Guard();
        Assert.Equal(DisconnectReason.FrameTooLarge, serverSide.Reason);
        DisconnectInfo clientSide = await offender.Client.Completion.Guard();
        Assert.Contains(clientSide.Reason, new[] { DisconnectReason.ClosedByPeer, DisconnectReason.IoError });
        Assert.Equal(0, offender.ServerInbox.Count);

        Assert.True(bystander.TrySend([42]));
        await bystanderServerInbox.WaitForCountAsync(1);
        Assert.Equal([42], bystanderServerInbox.Frames[0]);
        Assert.False(bystander.IsClosed);
    }

    [Theory]
    [InlineData(int.MaxValue, DisconnectReason.FrameTooLarge)]
    [InlineData(0, DisconnectReason.ProtocolError)]
    [InlineData(-5, DisconnectReason.ProtocolError)]
    public async Task Bad_length_header_closes_the_connection_without_waiting_for_the_claimed_payload(int claimed, DisconnectReason expected)
    {
        var logs = new CapturingLoggerFactory();
        await using TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), TestOptions.Create(loggerFactory: logs));
        Task<AuthenticatedLink> accepting = listener.AcceptAsync().AsTask();
        using AuthenticatedLink raw = await TransportClient.ConnectAsync(listener.LocalEndPoint, TestOptions.Identity("raw"), TestOptions.Create()).Guard();
        var inbox = new RecordingHandler();
        await using TransportConnection<byte[]> server = (await accepting.Guard()).Start(TestOptions.BytesWriter, inbox);

        // Only the 4 header bytes are sent: the server must decide from the header alone.
        BinaryPrimitives.WriteInt32LittleEndian(raw.Output.GetSpan(4), claimed);
        raw.Output.Advance(4);
        await raw.Output.FlushAsync();

        DisconnectInfo info = await server.Completion.Guard();
        Assert.Equal(expected, info.Reason);
        Assert.Equal(0, inbox.Count);
        Assert.True(logs.Contains(Microsoft.Extensions.Logging.LogLevel.Warning, expected.ToString()));
    }

    [Fact]
    public async Task Sender_closes_its_connection_rather_than_send_a_payload_over_its_own_maximum()
    {
        TransportOptions clientOptions = TestOptions.Create(maxFrameSize: 1000);
        await using ConnectedPair pair = await ConnectedPair.CreateAsync(clientOptions: clientOptions);

        Assert.True(pair.Client.TrySend(new byte[1001]));

        DisconnectInfo info = await pair.Client.Completion.Guard();
        Assert.Equal(DisconnectReason.FrameTooLarge, info.Reason);
        Assert.Equal(0, pair.ServerInbox.Count);
        Assert.False(pair.Client.TrySend([1]));
    }

    [Fact]
    public async Task Close_after_drain_delivers_everything_queued_before_closing()
    {
        await using ConnectedPair pair = await ConnectedPair.CreateAsync();
        for (int i = 0; i < 500; i++)
        {
            Assert.True(pair.Client.TrySend(BitConverter.GetBytes(i)));
        }

        DisconnectInfo info = await pair.Client.CloseAfterDrainAsync().Guard();

        Assert.Equal(DisconnectReason.LocalClose, info.Reason);
        await pair.ServerInbox.WaitForCountAsync(500);
        Assert.Equal(499, BitConverter.ToInt32(pair.ServerInbox.Frames[499]));
        Assert.Equal(DisconnectReason.ClosedByPeer, (await pair.Server.Completion.Guard()).Reason);
    }

    [Fact]
    public async Task Bounded_send_queue_refuses_items_once_full()
    {
        // A delay on a clock that never fires parks the writer loop before it takes anything off the queue.
        var faults = new FaultInjector(new ManualTimeProvider());
        faults.DelayOutgoing(TimeSpan.FromHours(1));
        TransportOptions clientOptions = new()
        {
            AuthKey = TestOptions.Key(),
            SendQueueCapacity = 4,
            FaultInjector = faults,
        };
        await using ConnectedPair pair = await ConnectedPair.CreateAsync(clientOptions: clientOptions);

        bool[] accepted = Enumerable.Range(0, 5).Select(i => pair.Client.TrySend([(byte)i])).ToArray();

        Assert.Equal(new[] { true, true, true, true, false }, accepted);
        Assert.Equal(0, pair.Client.Stats.FramesSent);
    }

    internal static async Task<TransportConnection<int>> StartIntSenderAsync(TransportListener listener, IFrameHandler serverHandler)
    {
        Task<AuthenticatedLink> accepting = listener.AcceptAsync().AsTask();
        AuthenticatedLink link = await TransportClient.ConnectAsync(listener.LocalEndPoint, TestOptions.Identity("ints"), TestOptions.Create()).Guard();
        (await accepting.Guard()).Start(TestOptions.BytesWriter, serverHandler);
        return link.Start<int>(
            static (value, payload) =>
            {
                Span<byte> span = payload.GetSpan(32);
                span[..32].Clear();
                BinaryPrimitives.WriteInt32LittleEndian(span, value);
                payload.Advance(32);
            },
            new RecordingHandler());
    }
}
