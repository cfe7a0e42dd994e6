using Microsoft.Extensions.Logging;

namespace ActorProc.Remote.Transport;

/// <summary>Source-generated log messages of the transport.</summary>
internal static partial class TransportLog
{
    internal const string Category = "ActorProc.Remote.Transport";

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "handshake with {EndPoint} failed: {Reason}")]
    public static partial void HandshakeFailed(ILogger logger, string endPoint, string reason, Exception? exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "handshake with {EndPoint} succeeded")]
    public static partial void HandshakeSucceeded(ILogger logger, string endPoint);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "connection to {EndPoint} closed: {Reason}: {Detail}")]
    public static partial void ConnectionFaulted(ILogger logger, string endPoint, DisconnectReason reason, string detail, Exception? exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "connection to {EndPoint} closed: {Reason}: {Detail}")]
    public static partial void ConnectionClosed(ILogger logger, string endPoint, DisconnectReason reason, string detail);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "transport listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, string endPoint);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "accept on {EndPoint} failed")]
    public static partial void AcceptFailed(ILogger logger, string endPoint, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "rejected connection from {EndPoint}: {Pending} handshakes already pending")]
    public static partial void TooManyHandshakes(ILogger logger, string endPoint, int pending);
}
