namespace ActorProc.Remote.Transport;

/// <summary>Why a transport connection (or a connection attempt) ended.</summary>
public enum DisconnectReason
{
    /// <summary>The peer closed or reset the socket.</summary>
    ClosedByPeer = 1,

    /// <summary>The peer violated the wire protocol (invalid frame header, truncated frame, ...).</summary>
    ProtocolError = 2,

    /// <summary>A frame header announced a length above the configured maximum frame size.</summary>
    FrameTooLarge = 3,

    /// <summary>The authentication handshake failed or timed out.</summary>
    HandshakeFailed = 4,

    /// <summary>A <see cref="FaultInjector"/> disconnected the connection.</summary>
    FaultInjected = 5,

    /// <summary>The local side closed or disposed the connection.</summary>
    LocalClose = 6,

    /// <summary>A socket or stream operation failed.</summary>
    IoError = 7,

    /// <summary>The <see cref="IFrameHandler"/> or the <see cref="FrameWriter{TOut}"/> threw.</summary>
    HandlerFailed = 8,
}
