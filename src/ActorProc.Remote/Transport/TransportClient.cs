using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ActorProc.Remote.Transport;

/// <summary>Opens outbound transport links (connect side of the handshake).</summary>
public static class TransportClient
{
    /// <summary>
    /// Connects to <paramref name="endPoint"/> (a <see cref="UnixDomainSocketEndPoint"/> or an IP/DNS
    /// endpoint for TCP) and runs the handshake within <see cref="TransportOptions.HandshakeTimeout"/>
    /// (for a Unix socket the connect counts towards that timeout too: both run with blocking calls on a
    /// dedicated thread, which keeps the socket in blocking mode for the connection's read thread).
    /// </summary>
    /// <param name="endPoint">The listener's endpoint, e.g. <see cref="TransportListener.LocalEndPoint"/>.</param>
    /// <param name="localIdentity">Opaque identity payload sent to the peer (at most 4 KiB).</param>
    /// <param name="options">Transport settings; <see cref="TransportOptions.AuthKey"/> must match the listener's.</param>
    /// <param name="cancellationToken">Cancels the connect and the handshake.</param>
    /// <returns>The authenticated link; call <see cref="AuthenticatedLink.Start{TOut}"/> to exchange frames.</returns>
    /// <exception cref="TransportHandshakeException">The handshake failed (wrong key, timeout, protocol violation).</exception>
    /// <exception cref="SocketException">The connection could not be established.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static async Task<AuthenticatedLink> ConnectAsync(
        EndPoint endPoint, ReadOnlyMemory<byte> localIdentity, TransportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        TransportOptions.ValidateIdentity(localIdentity);
        ILogger logger = options.LoggerFactory.CreateLogger(TransportLog.Category);

        Socket socket = TransportSockets.CreateFor(endPoint);
        if (endPoint is UnixDomainSocketEndPoint)
        {
            // Connected with a blocking call on the handshake thread, so the socket stays in blocking mode.
            return await AuthenticatedLink.EstablishAsync(socket, endPoint, isInbound: false, endPoint, localIdentity, options, logger, cancellationToken)
                .ConfigureAwait(false);
        }

        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return await AuthenticatedLink.EstablishAsync(socket, connectTo: null, isInbound: false, endPoint, localIdentity, options, logger, cancellationToken)
            .ConfigureAwait(false);
    }
}
