using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ActorProc.Remote.Tests.Transport.Support;
using ActorProc.Remote.Transport;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ActorProc.Remote.Tests.Transport;

public sealed class HandshakeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Successful_handshake_gives_each_side_the_peer_identity_payload()
    {
        await using TransportListener listener = TransportListener.BindUnix("server@host:1|uid=7"u8.ToArray(), TestOptions.Create());
        Task<AuthenticatedLink> accepting = listener.AcceptAsync().AsTask();

        using AuthenticatedLink client = await TransportClient.ConnectAsync(listener.LocalEndPoint, "client@host:2|uid=9"u8.ToArray(), TestOptions.Create()).Guard();
        using AuthenticatedLink server = await accepting.Guard();

        Assert.Equal("server@host:1|uid=7"u8.ToArray(), client.PeerIdentity.ToArray());
        Assert.Equal("client@host:2|uid=9"u8.ToArray(), server.PeerIdentity.ToArray());
        Assert.False(client.IsInbound);
        Assert.True(server.IsInbound);
        Assert.Equal(1, listener.HandshakesSucceeded);
    }

    [Fact]
    public async Task Wrong_key_fails_on_both_sides_and_the_listener_delivers_nothing_from_that_peer()
    {
        var serverLogs = new CapturingLoggerFactory();
        var clientLogs = new CapturingLoggerFactory();
        await using TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), TestOptions.Create(TestOptions.Key(1), loggerFactory: serverLogs));
        var serverFailure = new TaskCompletionSource<TransportHandshakeException>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.HandshakeFailed += ex => serverFailure.TrySetResult(ex);
        Task<AuthenticatedLink> accepting = listener.AcceptAsync().AsTask();

        var clientError = await Assert.ThrowsAsync<TransportHandshakeException>(() =>
            TransportClient.ConnectAsync(listener.LocalEndPoint, TestOptions.Identity("intruder"), TestOptions.Create(TestOptions.Key(2), loggerFactory: clientLogs)));
        TransportHandshakeException serverError = await serverFailure.Task.Guard();

        Assert.Equal("bad proof", clientError.Reason);
        Assert.True(clientLogs.Contains(LogLevel.Warning, "failed: bad proof"));
        Assert.True(serverLogs.Contains(LogLevel.Warning, "handshake with"));
        Assert.NotNull(serverError.Reason);
        Assert.Equal(1, listener.HandshakesFailed);
        Assert.False(accepting.IsCompleted);

        // The next link the listener hands out is the honest client's: the intruder never got through.
        using AuthenticatedLink honest = await TransportClient.ConnectAsync(listener.LocalEndPoint, TestOptions.Identity("honest"), TestOptions.Create(TestOptions.Key(1))).Guard();
        using AuthenticatedLink accepted = await accepting.Guard();
        Assert.Equal(TestOptions.Identity("honest"), accepted.PeerIdentity.ToArray());
        Assert.Equal(1, listener.HandshakesSucceeded);
    }

    [Fact]
    public async Task Forged_client_proof_is_rejected_with_a_bad_proof_warning()
    {
        var logs = new CapturingLoggerFactory();
        await using TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), TestOptions.Create(loggerFactory: logs));
        Task<TransportHandshakeException> failure = NextFailureAsync(listener);
        using RawPeer peer = await RawPeer.ConnectAsync(listener);

        await peer.SendAsync(RawPeer.Hello(RandomNumberGenerator.GetBytes(32), TestOptions.Identity("forger")));
        await peer.ReceiveExactlyAsync(HandshakeProtocol.HelloHeaderSize + "server".Length + HandshakeProtocol.ProofSize);
        // A forged proof followed by a well-formed frame: neither may get past the handshake.
        await peer.SendAsync([.. RandomNumberGenerator.GetBytes(HandshakeProtocol.ProofSize), 1, 0, 0, 0, 42]);

        Assert.Equal("bad proof", (await failure.Guard()).Reason);
        Assert.True(await peer.WaitForCloseAsync(Guard));
        Assert.True(logs.Contains(LogLevel.Warning, "failed: bad proof"));
        Assert.Equal(0, listener.HandshakesSucceeded);
    }

    [Fact]
    public async Task Reflecting_the_server_proof_back_does_not_authenticate()
    {
        await using TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), TestOptions.Create());
        Task<TransportHandshakeException> failure = NextFailureAsync(listener);
        using RawPeer peer = await RawPeer.ConnectAsync(listener);

        // Same identity as the server, so only the role label tells the two proofs apart.
        await peer.SendAsync(RawPeer.Hello(RandomNumberGenerator.GetBytes(32), TestOptions.Identity("server")));
        byte[] reply = await peer.ReceiveExactlyAsync(HandshakeProtocol.HelloHeaderSize + "server".Length + HandshakeProtocol.ProofSize);
        await peer.SendAsync(reply[^HandshakeProtocol.ProofSize..]);

        Assert.Equal("bad proof", (await failure.Guard()).Reason);
        Assert.True(await peer.WaitForCloseAsync(Guard));
        Assert.Equal(0, listener.HandshakesSucceeded);
    }

    [Fact]
    public async Task Peer_sending_garbage_instead_of_a_hello_is_dropped()
    {
        await using TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), TestOptions.Create());
        Task<TransportHandshakeException> failure = NextFailureAsync(listener);
        using RawPeer peer = await RawPeer.ConnectAsync(listener);

        await peer.SendAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());

        Assert.Equal("bad hello magic", (await failure.Guard()).Reason);
        Assert.True(await peer.WaitForCloseAsync(Guard));
    }

    [Fact]
    public async Task Silent_peer_is_dropped_when_the_handshake_deadline_passes()
    {
        TransportOptions options = TestOptions.Create(handshakeTimeout: TimeSpan.FromMilliseconds(200));
        await using TransportListener listener = TransportListener.BindUnix(TestOptions.Identity("server"), options);
        Task<TransportHandshakeException> failure = NextFailureAsync(listener);
        using RawPeer peer = await RawPeer.ConnectAsync(listener);

        Assert.True(await peer.WaitForCloseAsync(Guard));
        Assert.StartsWith("timed out", (await failure.Guard()).Reason, StringComparison.Ordinal);
        Assert.Equal(0, listener.PendingHandshakes);
    }

    [Fact]
    public async Task Client_gives_up_on_a_server_that_never_answers()
    {
        using var silentServer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        silentServer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        silentServer.Listen();
        TransportOptions options = TestOptions.Create(handshakeTimeout: TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<TransportHandshakeException>(() =>
            TransportClient.ConnectAsync(silentServer.LocalEndPoint!, TestOptions.Identity("client"), options));

        Assert.StartsWith("timed out", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Short_keys_and_oversized_identities_are_refused_up_front()
    {
        var shortKey = new TransportOptions { AuthKey = new byte[15] };
        Assert.Throws<ArgumentException>(() => TransportListener.BindUnix(default, shortKey));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            TransportClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, 1), new byte[4097], TestOptions.Create()));
    }

    private static Task<TransportHandshakeException> NextFailureAsync(TransportListener listener)
    {
        var failure = new TaskCompletionSource<TransportHandshakeException>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.HandshakeFailed += ex => failure.TrySetResult(ex);
        return failure.Task;
    }
}
