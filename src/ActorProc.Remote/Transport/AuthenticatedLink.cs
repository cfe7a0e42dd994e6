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
    private NetworkStream? _stream;
    private PipeReader? _input;
    private PipeWriter? _output;

    private AuthenticatedLink(
        Socket socket, byte[] leftover, byte[] peerIdentity, EndPoint? remote, bool isInbound, TransportOptions options, ILogger logger)
    {
        Socket = socket;
        Leftover = leftover;
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

    /// <summary>The authenticated socket (blocking mode unless an asynchronous operation ran on it).</summary>
    internal Socket Socket { get; }

    /// <summary>Bytes the handshake read past its end: the beginning of the peer's first frames.</summary>
    internal byte[] Leftover { get; }

    /// <summary>A stream over the socket for raw access (tests); made on first use. The connection does not use it.</summary>
    internal NetworkStream Stream => _stream ??= new NetworkStream(Socket, ownsSocket: false);

    /// <summary>A pipe reader over <see cref="Stream"/> for raw access (tests); it does not see <see cref="Leftover"/>.</summary>
    internal PipeReader Input => _input ??= PipeReader.Create(Stream, ReaderOptions);

    /// <summary>A pipe writer over <see cref="Stream"/> for raw access (tests), e.g. to send malformed frames.</summary>
    internal PipeWriter Output => _output ??= PipeWriter.Create(Stream, WriterOptions);

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
            Release(Socket);
            try
            {
                _input?.Complete();
            }
            catch (InvalidOperationException)
            {
                // A raw read is still pending; it fails on the closed socket instead.
            }

            try
            {
                _output?.Complete(new ObjectDisposedException(nameof(AuthenticatedLink)));
            }
            catch (InvalidOperationException)
            {
                // A raw flush is still pending; it fails on the closed socket instead.
            }

            _stream?.Dispose();
        }
    }

    /// <summary>
    /// Runs the handshake (after connecting to <paramref name="connectTo"/>, when given) with blocking I/O
    /// on a dedicated thread, so the socket stays in blocking mode for the connection's read thread.
    /// </summary>
    internal static Task<AuthenticatedLink> EstablishAsync(
        Socket socket,
        EndPoint? connectTo,
        bool isInbound,
        EndPoint? remote,
        ReadOnlyMemory<byte> localIdentity,
        TransportOptions options,
        ILogger logger,
        CancellationToken ct)
    {
        var result = new TaskCompletionSource<AuthenticatedLink>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                result.TrySetResult(Establish(socket, connectTo, isInbound, remote, localIdentity, options, logger, ct));
            }
            catch (Exception ex)
            {
                result.TrySetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "actorproc-handshake",
        };
        thread.Start();
        return result.Task;
    }

    /// <summary>Shuts the socket down and closes it; safe to call more than once.</summary>
    internal static void Release(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed or never connected.
        }

        socket.Dispose();
    }

    private static AuthenticatedLink Establish(
        Socket socket,
        EndPoint? connectTo,
        bool isInbound,
        EndPoint? remote,
        ReadOnlyMemory<byte> localIdentity,
        TransportOptions options,
        ILogger logger,
        CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.HandshakeTimeout);

        // Blocking calls are interrupted by closing the socket when the deadline passes or ct fires.
        CancellationTokenRegistration abort = deadline.Token.UnsafeRegister(static s => Release((Socket)s!), socket);
        if (connectTo is not null)
        {
            try
            {
                socket.Connect(connectTo);
            }
            catch (Exception ex)
            {
                abort.Dispose();
                socket.Dispose();
                if (ct.IsCancellationRequested)
                {
                    throw new OperationCanceledException(ct);
                }

                if (deadline.IsCancellationRequested)
                {
                    throw new TransportHandshakeException(remote, $"timed out after {options.HandshakeTimeout.TotalMilliseconds:0} ms while connecting", ex);
                }

                throw;
            }
        }

        string reason;
        Exception? error = null;
        try
        {
            var channel = new HandshakeChannel(socket);
            byte[] peerIdentity = isInbound
                ? HandshakeProtocol.RunServer(channel, options.AuthKey, localIdentity)
                : HandshakeProtocol.RunClient(channel, options.AuthKey, localIdentity);

            // Waits for a callback already running; afterwards the socket is either intact or released.
            abort.Dispose();
            deadline.Token.ThrowIfCancellationRequested();
            TransportLog.HandshakeSucceeded(logger, TransportSockets.Describe(remote));
            return new AuthenticatedLink(socket, channel.TakeLeftover(), peerIdentity, remote, isInbound, options, logger);
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            abort.Dispose();
            Release(socket);
            TransportLog.HandshakeFailed(logger, TransportSockets.Describe(remote), "cancelled", null);
            throw new OperationCanceledException(ct);
        }
        catch (Exception) when (deadline.IsCancellationRequested)
        {
            reason = $"timed out after {options.HandshakeTimeout.TotalMilliseconds:0} ms";
        }
        catch (InvalidDataException ex)
        {
            reason = ex.Message;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            reason = "I/O error: " + ex.Message;
            error = ex;
        }

        abort.Dispose();
        Release(socket);
        TransportLog.HandshakeFailed(logger, TransportSockets.Describe(remote), reason, error);
        throw new TransportHandshakeException(remote, reason, error);
    }
}
