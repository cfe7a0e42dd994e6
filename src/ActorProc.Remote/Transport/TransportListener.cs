using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ActorProc.Remote.Transport;

/// <summary>
/// Binds an endpoint, accepts sockets and runs the accept side of the handshake for each of them
/// concurrently (at most <see cref="TransportOptions.MaxPendingHandshakes"/> at once, each bounded by
/// <see cref="TransportOptions.HandshakeTimeout"/>). Only authenticated links reach <see cref="AcceptAsync"/>.
/// </summary>
public sealed class TransportListener : IAsyncDisposable
{
    private const int Backlog = 512;
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly Socket _socket;
    private readonly TransportOptions _options;
    private readonly byte[] _localIdentity;
    private readonly UnixSocketDirectory? _directory;
    private readonly string? _ownedSocketFile;
    private readonly ILogger _logger;
    private readonly Channel<AuthenticatedLink> _accepted = Channel.CreateUnbounded<AuthenticatedLink>(
        new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });

    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private int _pending;
    private long _succeeded;
    private long _failed;
    private int _disposed;

    private TransportListener(Socket socket, TransportOptions options, ReadOnlyMemory<byte> localIdentity, UnixSocketDirectory? directory, string? ownedSocketFile)
    {
        _socket = socket;
        _options = options;
        _localIdentity = localIdentity.ToArray();
        _directory = directory;
        SocketDirectory = directory is null || OperatingSystem.IsWindows() ? null : directory.DirectoryPath;
        _ownedSocketFile = ownedSocketFile;
        _logger = options.LoggerFactory.CreateLogger(TransportLog.Category);
        LocalEndPoint = socket.LocalEndPoint!;
        TransportLog.Listening(_logger, TransportSockets.Describe(LocalEndPoint));
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>
    /// Raised (on a pool thread) after an inbound handshake failed or a socket was refused because too
    /// many handshakes were pending. The socket is already closed.
    /// </summary>
    public event Action<TransportHandshakeException>? HandshakeFailed;

    /// <summary>The bound endpoint: the socket path for Unix sockets, the real port for TCP port 0.</summary>
    public EndPoint LocalEndPoint { get; }

    /// <summary>The private directory holding the socket file, for listeners made by <see cref="BindUnix"/>.</summary>
    public string? SocketDirectory { get; }

    /// <summary>Handshakes currently in progress.</summary>
    public int PendingHandshakes => Volatile.Read(ref _pending);

    /// <summary>Inbound handshakes that succeeded.</summary>
    public long HandshakesSucceeded => Interlocked.Read(ref _succeeded);

    /// <summary>Inbound sockets dropped by a failed handshake or by the pending-handshake limit.</summary>
    public long HandshakesFailed => Interlocked.Read(ref _failed);

    /// <summary>
    /// Listens on a fresh Unix socket inside a new private directory (mode 0700, socket file mode 0600)
    /// under <c>$XDG_RUNTIME_DIR</c> or <c>/tmp/actorproc-&lt;uid&gt;</c>; both are removed on dispose.
    /// </summary>
    /// <param name="localIdentity">Identity payload sent to every peer in the hello (at most 4 KiB).</param>
    /// <param name="options">Transport settings.</param>
    /// <returns>The started listener.</returns>
    /// <exception cref="PlatformNotSupportedException">On Windows, which has no Unix file modes.</exception>
    public static TransportListener BindUnix(ReadOnlyMemory<byte> localIdentity, TransportOptions options)
    {
        Validate(localIdentity, options);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Private Unix socket directories need Unix file modes.");
        }

        return BindPrivateUnix(localIdentity, options);
    }

    /// <summary>
    /// Listens on <paramref name="endPoint"/>: an <see cref="IPEndPoint"/> for TCP (port 0 picks a free
    /// port) or a <see cref="UnixDomainSocketEndPoint"/> with an explicit path (the file gets mode 0600
    /// and is deleted on dispose; its directory is the caller's business).
    /// </summary>
    /// <param name="endPoint">Where to listen.</param>
    /// <param name="localIdentity">Identity payload sent to every peer in the hello (at most 4 KiB).</param>
    /// <param name="options">Transport settings.</param>
    /// <returns>The started listener.</returns>
    public static TransportListener Bind(EndPoint endPoint, ReadOnlyMemory<byte> localIdentity, TransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        Validate(localIdentity, options);
        Socket socket = TransportSockets.CreateFor(endPoint);
        try
        {
            string? socketFile = null;
            socket.Bind(endPoint);
            if (endPoint is UnixDomainSocketEndPoint unix)
            {
                socketFile = unix.ToString();
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(socketFile, UnixSocketDirectory.SocketMode);
                }
            }

            socket.Listen(Backlog);
            return new TransportListener(socket, options, localIdentity, directory: null, socketFile);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Waits for the next authenticated inbound link.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A link whose peer proved knowledge of the auth key.</returns>
    /// <exception cref="ObjectDisposedException">The listener was disposed.</exception>
    public async ValueTask<AuthenticatedLink> AcceptAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await _accepted.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(TransportListener));
        }
    }

    /// <summary>
    /// Stops accepting, closes links not yet taken by <see cref="AcceptAsync"/> and removes the Unix
    /// socket file and private directory. Connections already started are not affected.
    /// </summary>
    /// <returns>A task that completes when the accept loop has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _socket.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        _accepted.Writer.TryComplete();
        while (_accepted.Reader.TryRead(out AuthenticatedLink? link))
        {
            link.Dispose();
        }

        if (_ownedSocketFile is not null)
        {
            File.Delete(_ownedSocketFile);
        }

        if (!OperatingSystem.IsWindows())
        {
            _directory?.Dispose();
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static TransportListener BindPrivateUnix(ReadOnlyMemory<byte> localIdentity, TransportOptions options)
    {
        UnixSocketDirectory directory = UnixSocketDirectory.Create();
        Socket? socket = null;
        try
        {
            var endPoint = new UnixDomainSocketEndPoint(directory.SocketPath);
            socket = TransportSockets.CreateFor(endPoint);
            socket.Bind(endPoint);
            directory.Protect();
            socket.Listen(Backlog);
            return new TransportListener(socket, options, localIdentity, directory, ownedSocketFile: null);
        }
        catch
        {
            socket?.Dispose();
            directory.Dispose();
            throw;
        }
    }

    private static void Validate(ReadOnlyMemory<byte> localIdentity, TransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        TransportOptions.ValidateIdentity(localIdentity);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _socket.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException ex)
            {
                // E.g. out of file descriptors: log and back off briefly instead of spinning.
                TransportLog.AcceptFailed(_logger, TransportSockets.Describe(LocalEndPoint), ex);
                await Task.Delay(AcceptRetryDelay, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            TransportSockets.ConfigureAccepted(accepted);
            int pending = Interlocked.Increment(ref _pending);
            if (pending > _options.MaxPendingHandshakes)
            {
                Interlocked.Decrement(ref _pending);
                EndPoint? remote = TransportSockets.TryGetRemote(accepted);
                accepted.Dispose();
                TransportLog.TooManyHandshakes(_logger, TransportSockets.Describe(remote), pending - 1);
                ReportFailure(new TransportHandshakeException(remote, "too many pending handshakes"));
                continue;
            }

            _ = HandshakeAsync(accepted);
        }
    }

    private async Task HandshakeAsync(Socket socket)
    {
        AuthenticatedLink link;
        try
        {
            link = await AuthenticatedLink.EstablishAsync(
                socket, connectTo: null, isInbound: true, TransportSockets.TryGetRemote(socket), _localIdentity, _options, _logger, _stopping.Token)
                .ConfigureAwait(false);
        }
        catch (TransportHandshakeException ex)
        {
            Interlocked.Decrement(ref _pending);
            ReportFailure(ex);
            return;
        }
        catch (OperationCanceledException ex)
        {
            // The listener is being disposed.
            Interlocked.Decrement(ref _pending);
            ReportFailure(new TransportHandshakeException(TransportSockets.TryGetRemote(socket), "listener disposed", ex));
            return;
        }

        Interlocked.Decrement(ref _pending);
        Interlocked.Increment(ref _succeeded);
        if (!_accepted.Writer.TryWrite(link))
        {
            link.Dispose();
        }
    }

    private void ReportFailure(TransportHandshakeException failure)
    {
        Interlocked.Increment(ref _failed);
        try
        {
            HandshakeFailed?.Invoke(failure);
        }
        catch (Exception ex)
        {
            TransportLog.AcceptFailed(_logger, TransportSockets.Describe(LocalEndPoint), ex);
        }
    }
}
