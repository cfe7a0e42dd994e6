using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ActorProc.Remote.Transport;

/// <summary>
/// An authenticated, framed, full-duplex connection. Inbound frames go to an <see cref="IFrameHandler"/>
/// from a single read loop; outbound items are queued with <see cref="TrySend"/> and serialized by a
/// single writer loop that writes every item available and then flushes once per batch.
/// </summary>
/// <typeparam name="TOut">The outbound item type, serialized by the connection's <see cref="FrameWriter{TOut}"/>.</typeparam>
/// <remarks>
/// Frames are written in place: the 4-byte length prefix is reserved in the pipe, the payload is
/// serialized directly behind it and the prefix is back-patched, so payload bytes are never copied.
/// </remarks>
public sealed class TransportConnection<TOut> : IFaultTarget, IAsyncDisposable
{
    private const int FlushThresholdBytes = 256 * 1024;

    private readonly AuthenticatedLink _link;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly FrameWriter<TOut> _frameWriter;
    private readonly IFrameHandler _handler;
    private readonly FramePayloadWriter _payload;
    private readonly Channel<TOut> _outbox;
    private readonly int _maxFrameSize;
    private readonly FaultInjector? _faults;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<DisconnectInfo> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DisconnectInfo? _disconnect;
    private Task _writeLoop = Task.CompletedTask;

    internal TransportConnection(AuthenticatedLink link, FrameWriter<TOut> frameWriter, IFrameHandler handler)
    {
        _link = link;
        _input = link.Input;
        _output = link.Output;
        _frameWriter = frameWriter;
        _handler = handler;
        _payload = new FramePayloadWriter(link.Output);
        _maxFrameSize = link.Options.MaxFrameSize;
        _faults = link.Options.FaultInjector;
        _logger = link.Logger;
        _outbox = link.Options.SendQueueCapacity > 0
            ? Channel.CreateBounded<TOut>(new BoundedChannelOptions(link.Options.SendQueueCapacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            })
            : Channel.CreateUnbounded<TOut>(new UnboundedChannelOptions { SingleReader = true });
    }

    /// <summary>The identity payload the peer sent during the handshake.</summary>
    public ReadOnlyMemory<byte> PeerIdentity => _link.PeerIdentity;

    /// <summary>The peer's endpoint, when known.</summary>
    public EndPoint? RemoteEndPoint => _link.RemoteEndPoint;

    /// <summary><see langword="true"/> for connections accepted by a <see cref="TransportListener"/>.</summary>
    public bool IsInbound => _link.IsInbound;

    /// <summary>Frame, byte and flush counters.</summary>
    public TransportStats Stats { get; } = new();

    /// <summary>
    /// Completes once the connection has ended: both loops have stopped (no further
    /// <see cref="IFrameHandler.OnFrame"/> call will happen) and the socket is closed. Never faults.
    /// </summary>
    public Task<DisconnectInfo> Completion => _completion.Task;

    /// <summary>Whether the connection is closing or closed.</summary>
    public bool IsClosed => Volatile.Read(ref _disconnect) is not null;

    /// <summary>
    /// Queues an item for sending without blocking or allocating. Returns <see langword="false"/> when
    /// the connection is closing/closed or a bounded send queue is full; the item is then not sent.
    /// A <see langword="true"/> result means queued, not delivered.
    /// </summary>
    /// <param name="item">The item to serialize with the connection's <see cref="FrameWriter{TOut}"/>.</param>
    /// <returns>Whether the item was queued.</returns>
    public bool TrySend(TOut item) => _outbox.Writer.TryWrite(item);

    /// <summary>Closes the connection now, discarding queued items, with <see cref="DisconnectReason.LocalClose"/>.</summary>
    public void Close() => Close(DisconnectReason.LocalClose, "closed locally");

    /// <summary>
    /// Stops accepting new items, writes and flushes everything already queued, then closes with
    /// <see cref="DisconnectReason.LocalClose"/>. If <paramref name="cancellationToken"/> fires first,
    /// the rest of the queue is discarded.
    /// </summary>
    /// <param name="cancellationToken">Bounds how long to wait for the queue to drain.</param>
    /// <returns>The connection's outcome.</returns>
    public async Task<DisconnectInfo> CloseAfterDrainAsync(CancellationToken cancellationToken = default)
    {
        _outbox.Writer.TryComplete();
        try
        {
            await _writeLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Give up draining; Close below discards the rest.
        }

        Close();
        return await Completion.ConfigureAwait(false);
    }

    /// <summary>Closes the connection now and waits for <see cref="Completion"/>.</summary>
    /// <returns>A task that completes when the connection has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        Close();
        await Completion.ConfigureAwait(false);
    }

    void IFaultTarget.InjectDisconnect() => Close(DisconnectReason.FaultInjected, "disconnect injected");

    internal void Start()
    {
        _faults?.Attach(this);
        Task readLoop = Task.Run(ReadLoopAsync);
        _writeLoop = Task.Run(WriteLoopAsync);
        _ = FinishAsync(readLoop, _writeLoop);
    }

    private void Close(DisconnectReason reason, string detail, Exception? exception = null)
    {
        var info = new DisconnectInfo(reason, detail, exception);
        if (Interlocked.CompareExchange(ref _disconnect, info, null) is not null)
        {
            return;
        }

        string peer = TransportSockets.Describe(RemoteEndPoint);
        if (reason is DisconnectReason.LocalClose or DisconnectReason.ClosedByPeer)
        {
            TransportLog.ConnectionClosed(_logger, peer, reason, detail);
        }
        else
        {
            TransportLog.ConnectionFaulted(_logger, peer, reason, detail, exception);
        }

        _outbox.Writer.TryComplete();
        _closing.Cancel();
        try
        {
            _input.CancelPendingRead();
            _output.CancelPendingFlush();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            // A loop already finished with its pipe.
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (true)
            {
                ReadResult result = await _input.ReadAsync().ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    return;
                }

                ReadOnlySequence<byte> buffer = result.Buffer;
                bool keepGoing = DeliverFrames(ref buffer);
                _input.AdvanceTo(buffer.Start, buffer.End);
                if (!keepGoing)
                {
                    return;
                }

                if (result.IsCompleted)
                {
                    if (buffer.IsEmpty)
                    {
                        Close(DisconnectReason.ClosedByPeer, "connection closed by peer");
                    }
                    else
                    {
                        Close(DisconnectReason.ProtocolError, $"connection closed by peer in the middle of a frame ({buffer.Length} bytes pending)");
                    }

                    return;
                }
            }
        }
        catch (Exception ex)
        {
            Close(TransportSockets.Classify(ex), "receive failed: " + ex.Message, ex);
        }
    }

    /// <summary>Hands every complete frame in <paramref name="buffer"/> to the handler; false when the connection must close.</summary>
    private bool DeliverFrames(ref ReadOnlySequence<byte> buffer)
    {
        // Stop at once if the handler (or anyone) closed the connection mid-buffer.
        while (!IsClosed)
        {
            FrameStatus status = FrameCodec.TryReadFrame(ref buffer, _maxFrameSize, out ReadOnlySequence<byte> frame, out int length);
            switch (status)
            {
                case FrameStatus.Complete:
                    try
                    {
                        _handler.OnFrame(in frame);
                    }
                    catch (Exception ex)
                    {
                        Close(DisconnectReason.HandlerFailed, "frame handler threw: " + ex.Message, ex);
                        return false;
                    }

                    Stats.OnReceived(length);
                    break;
                case FrameStatus.Incomplete:
                    return true;
                case FrameStatus.TooLarge:
                    Close(DisconnectReason.FrameTooLarge, $"frame header announces {length} bytes, maximum is {_maxFrameSize}");
                    return false;
                default:
                    Close(DisconnectReason.ProtocolError, $"invalid frame length {length}");
                    return false;
            }
        }

        return false;
    }

    private async Task WriteLoopAsync()
    {
        ChannelReader<TOut> reader = _outbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                TimeSpan delay = _faults?.OutgoingDelay ?? TimeSpan.Zero;
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _faults!.TimeProvider, _closing.Token).ConfigureAwait(false);
                }

                int frames = 0;
                long payloadBytes = 0;
                while (payloadBytes < FlushThresholdBytes && !IsClosed && reader.TryRead(out TOut? item))
                {
                    if (_faults is not null && _faults.ShouldDropOutgoing())
                    {
                        Stats.OnDropped();
                        continue;
                    }

                    long written = WriteFrame(item);
                    if (written < 0)
                    {
                        return;
                    }

                    frames++;
                    payloadBytes += written;
                }

                if (IsClosed)
                {
                    return;
                }

                if (frames == 0)
                {
                    continue;
                }

                // Back-pressure: this awaits the socket when the kernel send buffer is full.
                FlushResult flush = await _output.FlushAsync().ConfigureAwait(false);
                Stats.OnFlushed(frames, payloadBytes);
                if (flush.IsCanceled || flush.IsCompleted)
                {
                    return;
                }
            }

            // The queue was completed without Close: CloseAfterDrainAsync, everything is flushed.
            Close(DisconnectReason.LocalClose, "closed locally after draining the send queue");
        }
        catch (OperationCanceledException) when (IsClosed)
        {
            // Close interrupted a fault-injected delay.
        }
        catch (Exception ex)
        {
            Close(TransportSockets.Classify(ex), "send failed: " + ex.Message, ex);
        }
    }

    /// <summary>Writes one frame in place; returns the payload length, or -1 after closing the connection.</summary>
    private long WriteFrame(TOut item)
    {
        Memory<byte> header = _output.GetMemory(FrameCodec.HeaderSize);
        _output.Advance(FrameCodec.HeaderSize);
        _payload.Reset();
        try
        {
            _frameWriter(item, _payload);
        }
        catch (Exception ex)
        {
            Close(DisconnectReason.HandlerFailed, "frame writer threw: " + ex.Message, ex);
            return -1;
        }

        long length = _payload.Written;
        if (length < 1 || length > _maxFrameSize)
        {
            Close(
                length < 1 ? DisconnectReason.ProtocolError : DisconnectReason.FrameTooLarge,
                $"frame writer produced {length} bytes; a payload must hold 1 to {_maxFrameSize} bytes");
            return -1;
        }

        BinaryPrimitives.WriteInt32LittleEndian(header.Span, (int)length);
        return length;
    }

    private async Task FinishAsync(Task readLoop, Task writeLoop)
    {
        try
        {
            // Both loops catch everything, so this only waits.
            await Task.WhenAll(readLoop, writeLoop).ConfigureAwait(false);
            AuthenticatedLink.Release(_link.Stream, _input, _output);
        }
        finally
        {
            _faults?.Detach(this);
            _completion.TrySetResult(_disconnect ?? new DisconnectInfo(DisconnectReason.LocalClose, "closed", null));
        }
    }
}
