using System.Net;
using System.Net.Sockets;

namespace ActorProc.Remote.Transport;

/// <summary>Socket creation and error classification shared by listener, client and connection.</summary>
internal static class TransportSockets
{
    internal static Socket CreateFor(EndPoint endPoint)
    {
        if (endPoint is UnixDomainSocketEndPoint)
        {
            return new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        }

        Socket socket = endPoint.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            ? new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.NoDelay = true;
        return socket;
    }

    internal static void ConfigureAccepted(Socket socket)
    {
        if (socket.ProtocolType == ProtocolType.Tcp)
        {
            socket.NoDelay = true;
        }
    }

    internal static EndPoint? TryGetRemote(Socket socket)
    {
        try
        {
            EndPoint? remote = socket.RemoteEndPoint;
            return remote is UnixDomainSocketEndPoint u && string.IsNullOrEmpty(u.ToString()) ? null : remote;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return null;
        }
    }

    internal static string Describe(EndPoint? endPoint) => endPoint switch
    {
        null => "<unknown peer>",
        UnixDomainSocketEndPoint unix => "unix:" + unix,
        _ => endPoint.ToString() ?? "<unknown peer>",
    };

    internal static DisconnectReason Classify(Exception exception)
    {
        Exception inner = exception is IOException { InnerException: SocketException se } ? se : exception;
        return inner switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.Shutdown or SocketError.ConnectionAborted }
                => DisconnectReason.ClosedByPeer,
            ObjectDisposedException or OperationCanceledException => DisconnectReason.LocalClose,
            _ => DisconnectReason.IoError,
        };
    }
}
