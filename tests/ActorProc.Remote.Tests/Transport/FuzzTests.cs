using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;
using ActorProc.Remote.Tests.Transport.Support;
using ActorProc.Remote.Transport;
using Xunit;
using Xunit.Abstractions;

namespace ActorProc.Remote.Tests.Transport;

[Collection(IsolatedCollection.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Connections = 2000;
    private const int Parallelism = 16;

    [Fact]
    public async Task Listener_survives_two_thousand_hostile_connections_and_still_serves_a_good_client()
    {
        TransportOptions options = TestOptions.Create(handshakeTimeout: TimeSpan.FromSeconds(2));
        await using TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), options);
        int failures = 0;
        var allFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.HandshakeFailed += _ =>
        {
            if (Interlocked.Increment(ref failures) == Connections)
            {
                allFailed.TrySetResult();
            }
        };
        byte[][] scripts = BuildScripts(new Random(20261121));
        long baseline = GC.GetTotalMemory(forceFullCollection: true);

        await Parallel.ForEachAsync(
            scripts,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (script, _) => await AttackAsync(listener, script));
        await allFailed.Task.Guard();

        Assert.Equal(Connections, listener.HandshakesFailed);
        Assert.Equal(0, listener.HandshakesSucceeded);
        Assert.Equal(0, listener.PendingHandshakes);

        await using ConnectedPairOnListener good = await ConnectedPairOnListener.CreateAsync(listener);
        Assert.True(good.Client.TrySend([7, 7, 7]));
        await good.ServerInbox.WaitForCountAsync(1);
        Assert.Equal([7, 7, 7], good.ServerInbox.Frames[0]);

        long after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"managed heap: {baseline:N0} bytes before, {after:N0} bytes after {Connections} hostile connections");
        Assert.True(after - baseline < 32L * 1024 * 1024, $"managed heap grew from {baseline} to {after} bytes");
    }

    /// <summary>Sends the script, half-closes, and reads until the listener hangs up.</summary>
    private static async Task AttackAsync(TransportListener listener, byte[] script)
    {
        using RawPeer peer = await RawPeer.ConnectAsync(listener);
        try
        {
            if (script.Length > 0)
            {
                await peer.SendAsync(script);
            }

            peer.Socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The listener may hang up mid-send; that is the expected outcome.
        }

        Assert.True(await peer.WaitForCloseAsync(TimeSpan.FromSeconds(20)), "listener kept a hostile socket open");
    }

    private static byte[][] BuildScripts(Random random)
    {
        var scripts = new byte[Connections][];
        for (int i = 0; i < scripts.Length; i++)
        {
            scripts[i] = (i % 6) switch
            {
                0 => RandomBytes(random, random.Next(1, 512)),
                1 => Truncate(random, ValidHello(random)),
                2 => [.. ValidHello(random), .. RandomBytes(random, HandshakeProtocol.ProofSize)],
                3 => RandomFrames(random),
                4 => HelloClaimingHugeIdentity(random),
                _ => [],
            };
        }

        return scripts;
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        byte[] bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] ValidHello(Random random) =>
        RawPeer.Hello(RandomBytes(random, HandshakeProtocol.NonceSize), RandomBytes(random, random.Next(0, 64)));

    private static byte[] Truncate(Random random, byte[] hello) => hello[..random.Next(0, hello.Length)];

    private static byte[] HelloClaimingHugeIdentity(Random random)
    {
        byte[] hello = ValidHello(random);
        BinaryPrimitives.WriteUInt16LittleEndian(hello.AsSpan(8 + HandshakeProtocol.NonceSize), 60_000);
        return hello;
    }

    private static byte[] RandomFrames(Random random)
    {
        var bytes = new List<byte>();
        int frames = random.Next(1, 5);
        for (int f = 0; f < frames; f++)
        {
            int length = random.Next(2) == 0 ? random.Next(1, 100) : random.Next();
            byte[] header = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(header, length);
            bytes.AddRange(header);
            bytes.AddRange(RandomBytes(random, Math.Min(length, 100)));
        }

        return [.. bytes];
    }

    /// <summary>A good client on an existing listener.</summary>
    private sealed class ConnectedPairOnListener(TransportConnection<byte[]> client, TransportConnection<byte[]> server, RecordingHandler serverInbox) : IAsyncDisposable
    {
        public TransportConnection<byte[]> Client { get; } = client;

        public RecordingHandler ServerInbox { get; } = serverInbox;

        public static async Task<ConnectedPairOnListener> CreateAsync(TransportListener listener)
        {
            Task<AuthenticatedLink> accepting = listener.AcceptAsync().AsTask();
            AuthenticatedLink link = await TransportClient.ConnectAsync(listener.LocalEndPoint, TestOptions.Identity("good"), TestOptions.Create()).Guard();
            var inbox = new RecordingHandler();
            TransportConnection<byte[]> server = (await accepting.Guard()).Start(TestOptions.BytesWriter, inbox);
            return new ConnectedPairOnListener(link.Start(TestOptions.BytesWriter, new RecordingHandler()), server, inbox);
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            await server.DisposeAsync();
        }
    }
}
