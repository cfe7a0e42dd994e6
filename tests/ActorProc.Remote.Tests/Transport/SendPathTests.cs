using System.Buffers;
using System.Buffers.Binary;
using ActorProc.Remote.Tests.Transport.Support;
using ActorProc.Remote.Transport;
using Xunit;

namespace ActorProc.Remote.Tests.Transport;

/// <summary>
/// The sender fast path (a sender writing its frame itself when no write is in progress) and the pool
/// writer share one writer role: frames from any mix of threads must arrive complete and in each
/// sender's order.
/// </summary>
public sealed class SendPathTests
{
    [Fact]
    public async Task Concurrent_senders_each_keep_their_order_and_no_frame_is_lost()
    {
        const int Senders = 4;
        const int PerSender = 20_000;
        await using ConnectedPair pair = await ConnectedPair.CreateAsync();

        Task[] senders = Enumerable.Range(0, Senders).Select(sender => Task.Run(() =>
        {
            for (int i = 0; i < PerSender; i++)
            {
                // Sizes vary so that frames straddle receive buffer boundaries.
                byte[] frame = new byte[5 + (i % 97)];
                frame[0] = (byte)sender;
                BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(1), i);
                Assert.True(pair.Client.TrySend(frame));
                if (i % 1000 == 0)
                {
                    Thread.Yield();
                }
            }
        })).ToArray();
        await Task.WhenAll(senders).Guard();

        await pair.ServerInbox.WaitForCountAsync(Senders * PerSender);
        int[] next = new int[Senders];
        foreach (byte[] frame in pair.ServerInbox.Frames)
        {
            int sender = frame[0];
            int sequence = BinaryPrimitives.ReadInt32LittleEndian(frame.AsSpan(1));
            Assert.Equal(next[sender], sequence);
            Assert.Equal(5 + (sequence % 97), frame.Length);
            next[sender]++;
        }

        Assert.All(next, count => Assert.Equal(PerSender, count));
        Assert.Equal(Senders * PerSender, pair.Client.Stats.FramesSent);
    }

    [Fact]
    public async Task Request_reply_chain_sent_from_the_read_threads_completes_in_order()
    {
        const int Exchanges = 2_000;
        await using TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), TestOptions.Create());
        Task<AuthenticatedLink> accepting = listener.AcceptAsync().AsTask();
        AuthenticatedLink clientLink = await TransportClient.ConnectAsync(listener.LocalEndPoint, TestOptions.Identity("client"), TestOptions.Create()).Guard();
        AuthenticatedLink serverLink = await accepting.Guard();

        // Each side answers from inside OnFrame, i.e. on its read thread: the server echoes, the client
        // sends the next request until the chain is complete.
        var server = new ReplyingHandler(n => n);
        var client = new ReplyingHandler(n => n + 1 < Exchanges ? n + 1 : null);
        await using TransportConnection<int> serverConnection = serverLink.Start<int>(WriteInt, server);
        await using TransportConnection<int> clientConnection = clientLink.Start<int>(WriteInt, client);
        server.Connection = serverConnection;
        client.Connection = clientConnection;

        Assert.True(clientConnection.TrySend(0));

        await client.WaitForCountAsync(Exchanges);
        Assert.Equal(Enumerable.Range(0, Exchanges), client.Received);
        Assert.Equal(Enumerable.Range(0, Exchanges), server.Received);
        Assert.Equal(Exchanges, serverConnection.Stats.FramesSent);
        Assert.Equal(Exchanges, clientConnection.Stats.FramesSent);
    }

    [Fact]
    public async Task Frames_sent_before_the_peer_starts_its_connection_are_delivered_after_start()
    {
        await using TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), TestOptions.Create());
        Task<AuthenticatedLink> accepting = listener.AcceptAsync().AsTask();
        AuthenticatedLink clientLink = await TransportClient.ConnectAsync(listener.LocalEndPoint, TestOptions.Identity("client"), TestOptions.Create()).Guard();
        var serverInbox = new RecordingHandler();
        await using TransportConnection<byte[]> server = (await accepting.Guard()).Start(TestOptions.BytesWriter, serverInbox);

        for (int i = 0; i < 100; i++)
        {
            Assert.True(server.TrySend([(byte)i, 1, 2, 3]));
        }

        Assert.True(SpinWait.SpinUntil(() => server.Stats.FramesSent == 100, TimeSpan.FromSeconds(30)));
        var clientInbox = new RecordingHandler();
        await using TransportConnection<byte[]> client = clientLink.Start(TestOptions.BytesWriter, clientInbox);

        await clientInbox.WaitForCountAsync(100);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (byte)i), clientInbox.Frames.Select(frame => frame[0]));
    }

    private static void WriteInt(int value, IBufferWriter<byte> payload)
    {
        BinaryPrimitives.WriteInt32LittleEndian(payload.GetSpan(4), value);
        payload.Advance(4);
    }

    /// <summary>Records int frames and answers each one (from the read thread) with <c>reply(n)</c>, unless null.</summary>
    private sealed class ReplyingHandler(Func<int, int?> reply) : IFrameHandler
    {
        private readonly List<int> _received = [];
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _target = int.MaxValue;
        private TransportConnection<int>? _connection;

        public TransportConnection<int>? Connection
        {
            get => Volatile.Read(ref _connection);
            set => Volatile.Write(ref _connection, value);
        }

        public IReadOnlyList<int> Received
        {
            get
            {
                lock (_received)
                {
                    return [.. _received];
                }
            }
        }

        public void OnFrame(in ReadOnlySequence<byte> frame)
        {
            Span<byte> bytes = stackalloc byte[4];
            frame.CopyTo(bytes);
            int value = BinaryPrimitives.ReadInt32LittleEndian(bytes);
            int count;
            lock (_received)
            {
                _received.Add(value);
                count = _received.Count;
            }

            // Both connections are set before the first request is sent.
            if (reply(value) is { } answer && !Connection!.TrySend(answer))
            {
                throw new InvalidOperationException("the reply could not be queued");
            }

            if (count >= Volatile.Read(ref _target))
            {
                _done.TrySetResult();
            }
        }

        public Task WaitForCountAsync(int count)
        {
            Volatile.Write(ref _target, count);
            if (Received.Count >= count)
            {
                _done.TrySetResult();
            }

            return _done.Task.Guard();
        }
    }
}
