using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ActorProc.Remote.Transport;

/// <summary>
/// A socket whose peer passed the authentication handshake, not yet carrying frames. Obtained from
/// <see cref="TransportListener.AcceptAsync"/> or <see cref="TransportClient.ConnectAsync"/>; turn it
/// into a running connection with <see cref="Start{TOut}"/>, or <see cref="Dispose"/> it to refuse it.
/// Bytes the peer sends before <see cref="Start{TOut}"/> stay buffered, none are lost.
/// </summary>
public sealed class AuthenticatedLink : IDisposable
{
    private const int StateNew = 0;
    private const int StateStarted = 1;
    private const int StateDisposed = 2;

    private static readonly StreamPipeReaderOptions ReaderOptions =
        new(bufferSize: 32 * 1024, minimumReadSize: 4 * 1024, leaveOpen: true, useZeroByteReads: true);

    private static readonly StreamPipeWriterOptions WriterOptions =
        new(minimumBufferSize: 16 * 1024, leaveOpen: true);

    private int _state;

    private AuthenticatedLink(
        NetworkStream stream, PipeReader input, PipeWriter output, byte[] peerIdentity, EndPoint? remote, bool isInbound, TransportOptions options, ILogger logger)
    {
        Stream = stream;
        Input = input;
        Output = output;
        PeerIdentity = peerIdentity;
        RemoteEndPoint = remote;
        IsInbound = isInbound;
        Options = options;
        Logger = logger;
    }

    /// <summary>The identity payload the peer sent in its hello (at most 4 KiB).</summary>
    public ReadOnlyMemory<byte> PeerIdentity { get; }

    /// <summary>The peer's endpoint: the dialled endpoint for outbound links, the socket's remote endpoint (if any) for inbound ones.</summary>
    public EndPoint? RemoteEndPoint { get; }

    /// <summary><see langword="true"/> when the link was accepted by a <see cref="TransportListener"/>.</summary>
    public bool IsInbound { get; }

    internal NetworkStream Stream { get; }

    internal PipeReader Input { get; }

    internal PipeWriter Output { get; }

    internal TransportOptions Options { get; }

    internal ILogger Logger { get; }

    /// <summary>Starts the read and write loops; may be called once.</summary>
    /// <typeparam name="TOut">The outbound item type.</typeparam>
    /// <param name="frameWriter">Serializes each queued item into one frame payload.</param>
    /// <param name="handler">Receives every inbound frame.</param>
    /// <returns>The running connection, which owns the socket from now on.</returns>
    public TransportConnection<TOut> Start<TOut>(FrameWriter<TOut> frameWriter, IFrameHandler handler)
    {
        ArgumentNullException.ThrowIfNull(frameWriter);
        ArgumentNullException.ThrowIfNull(handler);
        int previous = Interlocked.CompareExchange(ref _state, StateStarted, StateNew);
        ObjectDisposedException.ThrowIf(previous == StateDisposed, this);
        if (previous != StateNew)
        {
            throw new InvalidOperationException("The link has already been started.");
        }

        var connection = new TransportConnection<TOut>(this, frameWriter, handler);
        connection.Start();
        return connection;
    }

    /// <summary>Closes the socket if the link was never started; no effect afterwards.</summary>
    public void Dispose()
    {
        if (Interlocked.CompareExchange(ref _state, StateDisposed, StateNew) == StateNew)
        {
            Release(Stream, Input, Output);
        }
    }

    internal static async Task<AuthenticatedLink> EstablishAsync(
        Socket socket, bool isInbound, EndPoint? remote, ReadOnlyMemory<byte> localIdentity, TransportOptions options, ILogger logger, CancellationToken ct)
    {
        var stream = new NetworkStream(socket, ownsSocket: true);
        PipeReader input = PipeReader.Create(stream, ReaderOptions);
        PipeWriter output = PipeWriter.Create(stream, WriterOptions);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.HandshakeTimeout);
        string reason;
        Exception? error = null;
        try
        {
            byte[] peerIdentity = isInbound
                ? await HandshakeProtocol.RunServerAsync(input, output, options.AuthKey, localIdentity, deadline.Token).ConfigureAwait(false)
                : await HandshakeProtocol.RunClientAsync(input, output, options.AuthKey, localIdentity, deadline.Token).ConfigureAwait(false);
            TransportLog.HandshakeSucceeded(logger, TransportSockets.Describe(remote));
            return new AuthenticatedLink(stream, input, output, peerIdentity, remote, isInbound, options, logger);
        }
        catch (InvalidDataException ex)
        {
            reason = ex.Message;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            reason = $"timed out after {options.HandshakeTimeout.TotalMilliseconds:0} ms";
        }
        catch (OperationCanceledException)
        {
            Release(stream, input, output);
            TransportLog.HandshakeFailed(logger, TransportSockets.Describe(remote), "cancelled", null);
            throw;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            reason = "I/O error: " + ex.Message;
            error = ex;
        }

        Release(stream, input, output);
        TransportLog.HandshakeFailed(logger, TransportSockets.Describe(remote), reason, error);
        throw new TransportHandshakeException(remote, reason, error);
    }

    /// <summary>Closes the socket first, then completes both pipes without writing anything more.</summary>
    internal static void Release(NetworkStream stream, PipeReader input, PipeWriter output)
    {
        try
        {
            stream.Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed or never connected.
        }

        stream.Dispose();
        try
        {
            input.Complete();
        }
        catch (InvalidOperationException)
        {
            // A read is still pending; it fails on the disposed stream instead.
        }

        try
        {
            // Completing with an error drops unflushed bytes instead of writing them to a dead socket.
            output.Complete(new ObjectDisposedException(nameof(AuthenticatedLink)));
        }
        catch (InvalidOperationException)
        {
            // A flush is still pending; it fails on the disposed stream instead.
        }
    }
}
