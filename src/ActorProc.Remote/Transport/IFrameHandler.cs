using System.Buffers;

namespace ActorProc.Remote.Transport;

/// <summary>
/// Receives the inbound frames of one <see cref="TransportConnection{TOut}"/>.
/// </summary>
/// <remarks>
/// <see cref="OnFrame"/> is called from the connection's dedicated read thread, one frame at a time and in
/// wire order, never concurrently for the same connection. The sequence points straight into the
/// connection's receive buffers (it is not copied); those buffers are recycled as soon as
/// <see cref="OnFrame"/> returns. The handler must therefore fully consume the frame (deserialize it,
/// or copy what it needs) before returning, and must not keep the sequence, a slice of it or any
/// memory obtained from it. A handler that blocks stalls the connection's receive side. A handler
/// that throws closes the connection with <see cref="DisconnectReason.HandlerFailed"/>.
/// </remarks>
public interface IFrameHandler
{
    /// <summary>Handles one complete frame payload (without its length prefix).</summary>
    /// <param name="frame">The payload; valid only until this method returns.</param>
    void OnFrame(in ReadOnlySequence<byte> frame);
}
