using System.Net;

namespace ActorProc.Remote.Transport;

/// <summary>Thrown (connect side) or reported (accept side) when the authentication handshake fails.</summary>
public sealed class TransportHandshakeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="remoteEndPoint">The peer, when known.</param>
    /// <param name="reason">Why the handshake failed, e.g. "bad proof" or "timed out".</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public TransportHandshakeException(EndPoint? remoteEndPoint, string reason, Exception? innerException = null)
        : base($"handshake with {TransportSockets.Describe(remoteEndPoint)} failed: {reason}", innerException)
    {
        RemoteEndPoint = remoteEndPoint;
        Reason = reason;
    }

    /// <summary>The peer, when known.</summary>
    public EndPoint? RemoteEndPoint { get; }

    /// <summary>Why the handshake failed.</summary>
    public string Reason { get; }
}
