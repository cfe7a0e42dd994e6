namespace ActorProc.Remote.Transport;

/// <summary>
/// Per-connection counters. Each counter has one writer at a time (the read thread, or the thread
/// holding the writer role), so updating them costs a plain increment; reads from other threads see
/// recent, not atomic-snapshot, values.
/// </summary>
public sealed class TransportStats
{
    private long _framesReceived;
    private long _bytesReceived;
    private long _framesSent;
    private long _bytesSent;
    private long _flushes;
    private long _framesDropped;

    /// <summary>Frames handed to the <see cref="IFrameHandler"/>.</summary>
    public long FramesReceived => Volatile.Read(ref _framesReceived);

    /// <summary>Payload bytes handed to the <see cref="IFrameHandler"/> (length prefixes excluded).</summary>
    public long BytesReceived => Volatile.Read(ref _bytesReceived);

    /// <summary>Frames written to the socket.</summary>
    public long FramesSent => Volatile.Read(ref _framesSent);

    /// <summary>Payload bytes written to the socket (length prefixes excluded).</summary>
    public long BytesSent => Volatile.Read(ref _bytesSent);

    /// <summary>Socket flushes; each flush writes one batch of frames.</summary>
    public long Flushes => Volatile.Read(ref _flushes);

    /// <summary>Outgoing frames dropped by a <see cref="FaultInjector"/>.</summary>
    public long FramesDropped => Volatile.Read(ref _framesDropped);

    internal void OnReceived(long payloadBytes)
    {
        Volatile.Write(ref _framesReceived, _framesReceived + 1);
        Volatile.Write(ref _bytesReceived, _bytesReceived + payloadBytes);
    }

    internal void OnFlushed(int frames, long payloadBytes)
    {
        Volatile.Write(ref _framesSent, _framesSent + frames);
        Volatile.Write(ref _bytesSent, _bytesSent + payloadBytes);
        Volatile.Write(ref _flushes, _flushes + 1);
    }

    internal void OnDropped() => Volatile.Write(ref _framesDropped, _framesDropped + 1);
}
