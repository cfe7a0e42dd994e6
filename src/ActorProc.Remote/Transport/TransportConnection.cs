using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ActorProc.Remote.Transport;

/// <summary>
/// An authenticated, framed, full-duplex connection. Inbound frames go to an <see cref="IFrameHandler"/>
/// from a dedicated read thread; outbound items are queued with <see cref="TrySend"/> and written by
/// whichever thread holds the connection's writer role, batching every item queued meanwhile into one
/// socket send.
/// </summary>
/// <typeparam name="TOut">The outbound item type, serialized by the connection's <see cref="FrameWriter{TOut}"/>.</typeparam>
/// <remarks>
/// <para>
/// Receiving: the read thread blocks in the kernel on the socket (which stays in blocking mode, see
/// <see cref="AuthenticatedLink"/>) and hands frames to the handler straight out of its receive buffer,
/// so a frame costs at most one thread wake-up and no hop through the thread pool. While single frames
/// arrive in quick succession (request/reply traffic) it polls for up to 50 µs before blocking, which
/// saves the wake-up altogether; an idle or sparsely used connection, or one receiving batches of
/// frames (streaming traffic), does not spin.
/// </para>
/// <para>
/// Sending: a sender that finds no write in progress and the connection quiet takes the writer role
/// (a compare-and-swap) and sends the frame itself with a non-blocking send, so a lone request or reply
/// goes out without a thread hop. Otherwise, or when the kernel buffer is full, a thread-pool writer
/// drains the queue, serializing every queued item into one buffer and sending it at once; senders
/// arriving meanwhile only enqueue. Frames are serialized in place: the 4-byte length prefix is
/// reserved, the payload is written behind it and the prefix is back-patched.
/// </para>
/// </remarks>
public sealed class TransportConnection<TOut> : IFaultTarget, IAsyncDisposable
{
    private const int FlushThresholdBytes = 256 * 1024;
    private const int ReceiveBufferSize = 64 * 1024;
    private const int MinReceiveSpace = 4 * 1024;
    private const int MaxPooledReceiveBuffer = 1024 * 1024;
    private const int WriterIdle = 0;
    private const int WriterOwned = 1;
    private const int WriterStopped = 2;

    /// <summary>
    /// A sender writes inline only when the previous send ended longer ago than this; a busier connection
    /// leaves the writing to the pool writer so that frames are batched.
    /// </summary>
    private static readonly long InlineQuietTicks = Stopwatch.Frequency / 100_000;

    /// <summary>How long the read thread polls for the next frame before blocking, while frames come quickly.</summary>
    private static readonly long ReceiveSpinTicks = Stopwatch.Frequency * 50 / 1_000_000;

    private readonly AuthenticatedLink _link;
    private readonly Socket _socket;
    private readonly FrameWriter<TOut> _frameWriter;
    private readonly IFrameHandler _handler;
    private readonly FrameBuffer _buffer = new();
    private readonly ConcurrentQueue<TOut> _queue = new();
    private readonly int _capacity;
    private readonly int _maxFrameSize;
    private readonly FaultInjector? _faults;
    private readonly ILogger _logger;
    private readonly DrainWorkItem _drainWorkItem;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _readStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _writerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DisconnectInfo> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DisconnectInfo? _disconnect;
    private int _queued;
    private int _writer;
    private int _sendCompleted;

    // Owned by the read thread.
    private bool _receiveSpin = true;

    // Owned by the current writer.
    private long _lastSendEnd;
    private int _unsentFrames;
    private long _unsentPayloadBytes;

    internal TransportConnection(AuthenticatedLink link, FrameWriter<TOut> frameWriter, IFrameHandler handler)
    {
        _link = link;
        _socket = link.Socket;
        _frameWriter = frameWriter;
        _handler = handler;
        _maxFrameSize = link.Options.MaxFrameSize;
        _faults = link.Options.FaultInjector;
        _logger = link.Logger;
        _capacity = link.Options.SendQueueCapacity;
        _drainWorkItem = new DrainWorkItem(this);
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
    /// Completes once the connection has ended: reading and writing have stopped (no further
    /// <see cref="IFrameHandler.OnFrame"/> call will happen) and the socket is closed. Never faults.
    /// </summary>
    public Task<DisconnectInfo> Completion => _completion.Task;

    /// <summary>Whether the connection is closing or closed.</summary>
    public bool IsClosed => Volatile.Read(ref _disconnect) is not null;

    /// <summary>
    /// Queues an item for sending without blocking. Returns <see langword="false"/> when the connection
    /// is closing/closed or a bounded send queue is full; the item is then not sent. A
    /// <see langword="true"/> result means queued, not delivered. When no write is in progress and the
    /// connection is quiet, the calling thread serializes and sends the item itself (non-blocking).
    /// </summary>
    /// <param name="item">The item to serialize with the connection's <see cref="FrameWriter{TOut}"/>.</param>
    /// <returns>Whether the item was queued.</returns>
    public bool TrySend(TOut item)
    {
        if (Volatile.Read(ref _sendCompleted) != 0 || IsClosed)
        {
            return false;
        }

        if (_capacity > 0 && Interlocked.Increment(ref _queued) > _capacity)
        {
            Interlocked.Decrement(ref _queued);
            return false;
        }

        _queue.Enqueue(item);
        if (Interlocked.CompareExchange(ref _writer, WriterOwned, WriterIdle) == WriterIdle)
        {
            if (CanWriteInline())
            {
                WriteInline();
            }
            else
            {
                ScheduleDrain();
            }
        }

        return true;
    }

    /// <summary>Closes the connection now, discarding queued items, with <see cref="DisconnectReason.LocalClose"/>.</summary>
    public void Close() => Close(DisconnectReason.LocalClose, "closed locally");

    /// <summary>
    /// Stops accepting new items, writes everything already queued, then closes with
    /// <see cref="DisconnectReason.LocalClose"/>. If <paramref name="cancellationToken"/> fires first,
    /// the rest of the queue is discarded.
    /// </summary>
    /// <param name="cancellationToken">Bounds how long to wait for the queue to drain.</param>
    /// <returns>The connection's outcome.</returns>
    public Task<DisconnectInfo> CloseAfterDrainAsync(CancellationToken cancellationToken = default) => CloseAfterDrainAsync(waitForEnd: true, cancellationToken);

    /// <summary>
    /// Sends everything queued, then closes; with <paramref name="waitForEnd"/> false it does not wait for the
    /// receive side to wind down (a process about to exit only needs its bytes written).
    /// </summary>
    internal async Task<DisconnectInfo> CloseAfterDrainAsync(bool waitForEnd, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _sendCompleted, 1);
        if (Interlocked.CompareExchange(ref _writer, WriterOwned, WriterIdle) == WriterIdle)
        {
            ScheduleDrain();
        }

        try
        {
            await _drained.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Give up draining; Close below discards the rest.
        }

        Close();
        return waitForEnd || Completion.IsCompleted
            ? await Completion.ConfigureAwait(false)
            : new DisconnectInfo(DisconnectReason.LocalClose, "closed locally after draining the send queue", null);
    }

    /// <summary>True when the send queue is empty and no write is in progress (every frame sent so far is written to the socket).</summary>
    internal bool IsSendIdle => Volatile.Read(ref _writer) != WriterOwned && _queue.IsEmpty;

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
        var reader = new Thread(ReadLoop)
        {
            IsBackground = true,
            Name = "actorproc-transport-read",
        };
        reader.Start();
        _ = FinishAsync();
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

        _closing.Cancel();

        // Wakes the read thread and a writer blocked in a send; the socket is closed once both stopped.
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Not connected any more.
        }

        TryStopWriter();
    }

    // ---- receiving -----------------------------------------------------------------------------------

    private void ReadLoop()
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(ReceiveBufferSize, _link.Leftover.Length));
        int start = 0;
        int end = 0;
        int delivered = 0;
        try
        {
            _link.Leftover.CopyTo(buffer, 0);
            end = _link.Leftover.Length;
            while (true)
            {
                // Hand every complete frame to the handler; stop at once if anyone closed the connection.
                while (end - start >= FrameCodec.HeaderSize)
                {
                    if (IsClosed)
                    {
                        return;
                    }

                    int length = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(start));
                    if (length <= 0)
                    {
                        Close(DisconnectReason.ProtocolError, $"invalid frame length {length}");
                        return;
                    }

                    if (length > _maxFrameSize)
                    {
                        Close(DisconnectReason.FrameTooLarge, $"frame header announces {length} bytes, maximum is {_maxFrameSize}");
                        return;
                    }

                    int total = FrameCodec.HeaderSize + length;
                    if (end - start < total)
                    {
                        if (buffer.Length - start < total)
                        {
                            buffer = MakeRoom(buffer, ref start, ref end, total);
                        }

                        break;
                    }

                    try
                    {
                        _handler.OnFrame(new ReadOnlySequence<byte>(buffer, start + FrameCodec.HeaderSize, length));
                    }
                    catch (Exception ex)
                    {
                        Close(DisconnectReason.HandlerFailed, "frame handler threw: " + ex.Message, ex);
                        return;
                    }

                    Stats.OnReceived(length);
                    delivered++;
                    start += total;
                }

                if (IsClosed)
                {
                    return;
                }

                if (start == end)
                {
                    start = end = 0;
                    if (buffer.Length > MaxPooledReceiveBuffer)
                    {
                        buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
                    }
                }
                else if (buffer.Length - end < MinReceiveSpace)
                {
                    buffer = MakeRoom(buffer, ref start, ref end, end - start + MinReceiveSpace);
                }

                // Spinning pays off for lone request/reply frames; a receive that brought a batch means
                // streaming traffic, where the next data is usually there already and spinning would
                // only take CPU time from the threads producing and consuming it.
                int read = Receive(buffer.AsSpan(end), spin: delivered <= 1);
                delivered = 0;
                if (read == 0)
                {
                    if (end == start)
                    {
                        Close(DisconnectReason.ClosedByPeer, "connection closed by peer");
                    }
                    else
                    {
                        Close(DisconnectReason.ProtocolError, $"connection closed by peer in the middle of a frame ({end - start} bytes pending)");
                    }

                    return;
                }

                end += read;
            }
        }
        catch (Exception ex)
        {
            Close(TransportSockets.Classify(ex), "receive failed: " + ex.Message, ex);
        }
        finally
        {
            if (buffer.Length <= MaxPooledReceiveBuffer)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            _readStopped.TrySetResult();
        }
    }

    /// <summary>
    /// Receives at least one byte, blocking in the kernel. When <paramref name="spin"/> is set and frames
    /// have been arriving in quick succession (a request/reply exchange), it first polls without blocking
    /// for up to <see cref="ReceiveSpinTicks"/>: picking up a reply from a running thread is several
    /// microseconds faster than waking a blocked one.
    /// </summary>
    private int Receive(Span<byte> into, bool spin)
    {
        long start = Stopwatch.GetTimestamp();
        if (spin && _receiveSpin && NonBlockingIo.IsSupported)
        {
            SafeSocketHandle handle = _socket.SafeHandle;
            do
            {
                int polled = NonBlockingIo.TryReceive(handle, into);
                if (polled >= 0)
                {
                    return polled;
                }

                if (polled == NonBlockingIo.Failed)
                {
                    break;
                }

                // Lets the threads that produce the next frame (the pool, the peer) run on this core.
                Thread.Yield();
            }
            while (Stopwatch.GetTimestamp() - start < ReceiveSpinTicks);
        }

        int read = _socket.Receive(into, SocketFlags.None);

        // Keep spinning only while the data came soon after the previous frame.
        _receiveSpin = Stopwatch.GetTimestamp() - start < 2 * ReceiveSpinTicks;
        return read;
    }

    /// <summary>Moves the pending bytes to the start of a buffer holding at least <paramref name="needed"/> bytes.</summary>
    private static byte[] MakeRoom(byte[] buffer, ref int start, ref int end, int needed)
    {
        byte[] target = buffer;
        if (buffer.Length < needed)
        {
            int size = (int)Math.Min(Array.MaxLength, Math.Max((long)needed, (long)buffer.Length * 2));
            target = size > MaxPooledReceiveBuffer ? GC.AllocateUninitializedArray<byte>(size) : ArrayPool<byte>.Shared.Rent(size);
        }

        buffer.AsSpan(start, end - start).CopyTo(target);
        end -= start;
        start = 0;
        if (!ReferenceEquals(target, buffer) && buffer.Length <= MaxPooledReceiveBuffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return target;
    }

    // ---- sending -------------------------------------------------------------------------------------

    private bool CanWriteInline() =>
        NonBlockingIo.IsSupported
        && (_faults is null || _faults.OutgoingDelay == TimeSpan.Zero)
        && Stopwatch.GetTimestamp() - _lastSendEnd > InlineQuietTicks;

    /// <summary>On the sending thread, holding the writer role: one batch, one non-blocking send.</summary>
    private void WriteInline()
    {
        try
        {
            if (!FillBatch())
            {
                ReleaseWriter();
                return;
            }

            if (_buffer.HasUnsent)
            {
                int sent = NonBlockingIo.TrySend(_socket.SafeHandle, _buffer.Unsent);
                if (sent > 0)
                {
                    _buffer.OnSent(sent);
                }

                if (_buffer.HasUnsent)
                {
                    // The kernel buffer is full (or the send failed): the pool writer finishes blocking.
                    ScheduleDrain();
                    return;
                }

                CompleteBatch();
            }
        }
        catch (Exception ex)
        {
            Close(TransportSockets.Classify(ex), "send failed: " + ex.Message, ex);
        }

        ReleaseWriter();
    }

    private void ScheduleDrain() => ThreadPool.UnsafeQueueUserWorkItem(_drainWorkItem, preferLocal: false);

    /// <summary>On a pool thread, holding the writer role: writes batches until the queue is empty.</summary>
    private void Drain(bool delayed)
    {
        try
        {
            while (!IsClosed)
            {
                if (_buffer.HasUnsent)
                {
                    SendUnsent();
                    continue;
                }

                if (!delayed && !_queue.IsEmpty && (_faults?.OutgoingDelay ?? TimeSpan.Zero) is var delay && delay > TimeSpan.Zero)
                {
                    // Keeps the writer role while waiting.
                    _ = DrainAfterDelayAsync(delay);
                    return;
                }

                delayed = false;
                if (!FillBatch())
                {
                    break;
                }

                if (_buffer.HasUnsent)
                {
                    continue;
                }

                if (_queue.IsEmpty)
                {
                    if (Volatile.Read(ref _sendCompleted) != 0)
                    {
                        // The queue was completed without Close: CloseAfterDrainAsync, everything is sent.
                        Close(DisconnectReason.LocalClose, "closed locally after draining the send queue");
                        _drained.TrySetResult();
                    }

                    break;
                }
            }
        }
        catch (OperationCanceledException) when (IsClosed)
        {
            // Close interrupted a send.
        }
        catch (Exception ex)
        {
            Close(TransportSockets.Classify(ex), "send failed: " + ex.Message, ex);
        }

        ReleaseWriter();
    }

    private async Task DrainAfterDelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _faults!.TimeProvider, _closing.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Close interrupted the delay.
            ReleaseWriter();
            return;
        }

        Drain(delayed: true);
    }

    /// <summary>Sends the rest of the buffer with blocking sends, then counts the batch.</summary>
    private void SendUnsent()
    {
        while (_buffer.HasUnsent)
        {
            _buffer.OnSent(_socket.Send(_buffer.Unsent, SocketFlags.None));
        }

        CompleteBatch();
    }

    private void CompleteBatch()
    {
        Stats.OnFlushed(_unsentFrames, _unsentPayloadBytes);
        _unsentFrames = 0;
        _unsentPayloadBytes = 0;
        _buffer.Reset();
        _lastSendEnd = Stopwatch.GetTimestamp();
    }

    /// <summary>Serializes queued items into the empty buffer, up to the flush threshold; false after closing the connection.</summary>
    private bool FillBatch()
    {
        while (_buffer.WrittenCount < FlushThresholdBytes && !IsClosed && _queue.TryDequeue(out TOut? item))
        {
            if (_capacity > 0)
            {
                Interlocked.Decrement(ref _queued);
            }

            if (_faults is not null && _faults.ShouldDropOutgoing())
            {
                Stats.OnDropped();
                continue;
            }

            long written = WriteFrame(item);
            if (written < 0)
            {
                return false;
            }

            _unsentFrames++;
            _unsentPayloadBytes += written;
        }

        return !IsClosed;
    }

    /// <summary>Writes one frame in place; returns the payload length, or -1 after closing the connection.</summary>
    private long WriteFrame(TOut item)
    {
        int header = _buffer.BeginFrame();
        try
        {
            _frameWriter(item, _buffer);
        }
        catch (Exception ex)
        {
            Close(DisconnectReason.HandlerFailed, "frame writer threw: " + ex.Message, ex);
            return -1;
        }

        long length = _buffer.EndFrame(header);
        if (length < 1 || length > _maxFrameSize)
        {
            Close(
                length < 1 ? DisconnectReason.ProtocolError : DisconnectReason.FrameTooLarge,
                $"frame writer produced {length} bytes; a payload must hold 1 to {_maxFrameSize} bytes");
            return -1;
        }

        return length;
    }

    /// <summary>
    /// Gives up the writer role, then takes it back for the pool writer if items arrived meanwhile (their
    /// senders saw the role taken and only enqueued) or a drain-and-close is pending.
    /// </summary>
    private void ReleaseWriter()
    {
        Interlocked.Exchange(ref _writer, WriterIdle);
        if (IsClosed)
        {
            TryStopWriter();
            return;
        }

        if ((!_queue.IsEmpty || Volatile.Read(ref _sendCompleted) != 0)
            && Interlocked.CompareExchange(ref _writer, WriterOwned, WriterIdle) == WriterIdle)
        {
            ScheduleDrain();
        }
    }

    /// <summary>After Close: marks writing as stopped unless someone holds the writer role (it stops on release).</summary>
    private void TryStopWriter()
    {
        if (Interlocked.CompareExchange(ref _writer, WriterStopped, WriterIdle) == WriterIdle)
        {
            _buffer.Release();
            _drained.TrySetResult();
            _writerStopped.TrySetResult();
        }
    }

    private async Task FinishAsync()
    {
        try
        {
            // Reading and writing catch everything, so this only waits.
            await Task.WhenAll(_readStopped.Task, _writerStopped.Task).ConfigureAwait(false);
            AuthenticatedLink.Release(_socket);
        }
        finally
        {
            _faults?.Detach(this);
            _completion.TrySetResult(_disconnect ?? new DisconnectInfo(DisconnectReason.LocalClose, "closed", null));
        }
    }

    /// <summary>The pool work item that runs <see cref="Drain"/>; one per connection, so scheduling it allocates nothing.</summary>
    private sealed class DrainWorkItem(TransportConnection<TOut> connection) : IThreadPoolWorkItem
    {
        public void Execute() => connection.Drain(delayed: false);
    }
}
