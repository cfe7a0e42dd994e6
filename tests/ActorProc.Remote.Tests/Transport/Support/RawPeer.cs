using System.Buffers;
using System.Net.Sockets;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote.Tests.Transport.Support;

/// <summary>A bare socket speaking (or abusing) the wire protocol by hand.</summary>
internal sealed class RawPeer : IDisposable
{
    private RawPeer(Socket socket)
    {
        Socket = socket;
    }

    public Socket Socket { get; }

    public static async Task<RawPeer> ConnectAsync(TransportListener listener)
    {
        Socket socket = listener.LocalEndPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(listener.LocalEndPoint);
        return new RawPeer(socket);
    }

    public static byte[] Hello(byte[] nonce, byte[] identity)
    {
        var writer = new ArrayBufferWriter<byte>();
        HandshakeProtocol.WriteHello(writer, nonce, identity);
        return writer.WrittenSpan.ToArray();
    }

    public async Task SendAsync(byte[] bytes) => await Socket.SendAsync(bytes, SocketFlags.None);

    public async Task<byte[]> ReceiveExactlyAsync(int count)
    {
        byte[] buffer = new byte[count];
        int read = 0;
        while (read < count)
        {
            int n = await Socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None);
            if (n == 0)
            {
                throw new IOException("closed");
            }

            read += n;
        }

        return buffer;
    }

    /// <summary>Reads until the peer closes; true if it closed (EOF or reset) rather than timing out.</summary>
    public async Task<bool> WaitForCloseAsync(TimeSpan guard)
    {
        byte[] sink = new byte[4096];
        using var cts = new CancellationTokenSource(guard);
        try
        {
            while (await Socket.ReceiveAsync(sink, SocketFlags.None, cts.Token) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => Socket.Dispose();
}
