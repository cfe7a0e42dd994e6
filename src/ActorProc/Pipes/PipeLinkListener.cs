using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Remote.Transport;

namespace ActorProc.Multiprocessing.Pipes;

/// <summary>
/// The Unix socket where this process accepts direct links to its pipe endpoints: on Linux an abstract socket with a
/// random name (nothing on disk, so nothing is left behind by a process that is killed or exits without a shutdown),
/// elsewhere a socket in a private 0700 directory. A connecting sender must present a single-use random token that
/// the endpoint offered it over the authenticated remoting; anything else is closed.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed class PipeLinkListener
{
    private static readonly object Gate = new();
    private static PipeLinkListener? _current;

    private readonly ConcurrentDictionary<Guid, PipeEndpoint> _offers = new();
    private readonly UnixSocketDirectory? _directory;
    private readonly Socket _socket;

    private PipeLinkListener(ProcessRuntime runtime)
    {
        _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            if (OperatingSystem.IsLinux())
            {
                SocketPath = "\0actorproc-pipes-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                _socket.Bind(new UnixDomainSocketEndPoint(SocketPath));
            }
            else
            {
                _directory = UnixSocketDirectory.Create();
                SocketPath = _directory.SocketPath;
                _socket.Bind(new UnixDomainSocketEndPoint(SocketPath));
                _directory.Protect();
            }

            _socket.Listen(64);
        }
        catch
        {
            _socket.Dispose();
            _directory?.Dispose();
            throw;
        }

        runtime.System.AddShutdownTask(ShutdownPhase.AfterSystemStop, "pipe-links-stop", _ =>
        {
            _socket.Dispose();
            _directory?.Dispose();
            return Task.CompletedTask;
        });
        new Thread(AcceptLoop) { IsBackground = true, Name = "actorproc-pipe-links" }.Start();
    }

    /// <summary>Where senders connect (a name starting with NUL is an abstract socket).</summary>
    public string SocketPath { get; }

    /// <summary>This process's listener, started on first use.</summary>
    public static PipeLinkListener Get(ProcessRuntime runtime)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        lock (Gate)
        {
            if (_current is null)
            {
                Volatile.Write(ref _current, new PipeLinkListener(runtime));
            }

            return _current!;
        }
    }

    /// <summary>A token a sender presents to link to <paramref name="endpoint"/>.</summary>
    public Guid Offer(PipeEndpoint endpoint)
    {
        var token = Guid.NewGuid();
        _offers[token] = endpoint;
        return token;
    }

    // Blocking accept and greeting reads keep the sockets in blocking mode: the readers' calls are then plain system calls.
    private void AcceptLoop()
    {
        while (true)
        {
            Socket accepted;
            try
            {
                accepted = _socket.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Listener.Greet(s.Socket), (Listener: this, Socket: accepted), preferLocal: false);
        }
    }

    private void Greet(Socket socket)
    {
        try
        {
            socket.ReceiveTimeout = 5000;
            var greeting = new byte[PipeLink.GreetingSize];
            int read = 0;
            while (read < greeting.Length)
            {
                int n = socket.Receive(greeting.AsSpan(read));
                if (n == 0)
                {
                    socket.Dispose();
                    return;
                }

                read += n;
            }

            socket.ReceiveTimeout = 0;
            var token = new Guid(greeting.AsSpan(0, 16));
            long start = BinaryPrimitives.ReadInt64LittleEndian(greeting.AsSpan(16));
            if (_offers.TryRemove(token, out var endpoint))
            {
                endpoint.AttachInbound(new PipeLink(socket, start));
            }
            else
            {
                socket.Dispose();
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            socket.Dispose();
        }
    }
}
