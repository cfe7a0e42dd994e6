using System.Globalization;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Pipes;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing;

/// <summary>
/// One end of a <see cref="Pipe"/>, as Python's <c>multiprocessing.connection.Connection</c>: messages sent at one
/// end are received at the other, in order, one message per <see cref="Send{T}"/> (never merged nor split).
/// </summary>
/// <remarks>
/// <para>A connection can be captured by a <see cref="Process"/> target or sent in a message to another process;
/// it works there. The end lives in the process that uses it: the first call in a process moves the end there
/// (messages not yet received go along), after which the peer sends straight to that process. As in Python, one
/// end is meant to be used by one process at a time.</para>
/// <para><see cref="Close"/> on a copy that was used (or that was received from another process) closes the end:
/// the peer receives what was sent before, then <see cref="EndOfStreamException"/>. Closing an unused copy that
/// <see cref="Pipe.Create"/> returned (e.g. the parent's copy of the end it gave to a child) only closes that copy.
/// When the process holding an end ends, the end is closed. When the process that created the pipe ends, calls fail
/// with <see cref="OwnerProcessGoneException"/>.</para>
/// </remarks>
public sealed class Connection : IDisposable
{
    private readonly IActorRef _owner;
    private readonly Guid _pipe;
    private readonly int _end;
    private readonly bool _readable;
    private readonly bool _writable;

    [NonSerialized]
    private PipeEndpoint? _endpoint;

    [NonSerialized]
    private readonly bool _original;

    [NonSerialized]
    private bool _used;

    [NonSerialized]
    private int _closed;

    internal Connection(IActorRef owner, PipeEndpoint endpoint)
    {
        _owner = owner;
        _pipe = endpoint.Pipe;
        _end = endpoint.End;
        _readable = endpoint.Readable;
        _writable = endpoint.Writable;
        _endpoint = endpoint;
        _original = true;
    }

    /// <summary>True when this end can receive (false for the send end of a simplex pipe).</summary>
    public bool Readable => _readable;

    /// <summary>True when this end can send (false for the receive end of a simplex pipe).</summary>
    public bool Writable => _writable;

    /// <summary>True after <see cref="Close"/>.</summary>
    public bool Closed => Volatile.Read(ref _closed) != 0;

    /// <summary>Sends <paramref name="obj"/> to the other end; it is serialized now (later changes to it are not sent).</summary>
    /// <typeparam name="T">The declared type; the receiver gets the object's actual type.</typeparam>
    /// <param name="obj">The message; anything a process target may capture (null included).</param>
    /// <exception cref="ObjectDisposedException">This connection is closed.</exception>
    /// <exception cref="InvalidOperationException">This is the receive end of a simplex pipe.</exception>
    /// <exception cref="ActorProc.Serialization.SerializationException"><paramref name="obj"/> cannot cross a process boundary.</exception>
    /// <exception cref="IOException">The other end is closed (broken pipe).</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the pipe has ended.</exception>
    public void Send<T>(T obj)
    {
        CheckWritable();
        var runtime = ProcessRuntime.Get();
        SendItem(PipeItemKind.Object, PipeSerializer.Serialize(runtime, obj));
    }

    /// <summary>Sends the bytes of <paramref name="buffer"/> as one message (Python's <c>send_bytes</c>).</summary>
    /// <param name="buffer">The message.</param>
    /// <exception cref="ObjectDisposedException">This connection is closed.</exception>
    /// <exception cref="InvalidOperationException">This is the receive end of a simplex pipe.</exception>
    /// <exception cref="IOException">The other end is closed (broken pipe).</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the pipe has ended.</exception>
    public void SendBytes(ReadOnlySpan<byte> buffer)
    {
        CheckWritable();
        SendItem(PipeItemKind.Bytes, buffer.ToArray());
    }

    /// <summary>Receives the next message, waiting until one arrives.</summary>
    /// <typeparam name="T">The expected type (<see cref="object"/> takes anything).</typeparam>
    /// <returns>The message.</returns>
    /// <exception cref="EndOfStreamException">The other end is closed (or its process ended) and every message it sent was received.</exception>
    /// <exception cref="ObjectDisposedException">This connection is closed.</exception>
    /// <exception cref="InvalidOperationException">This is the send end of a simplex pipe, or the next message was sent with
    /// <see cref="SendBytes"/> (receive it with <see cref="RecvBytes"/>; it stays in the pipe).</exception>
    /// <exception cref="InvalidCastException">The message is not a <typeparamref name="T"/> (it is consumed).</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the pipe has ended and nothing is left to receive.</exception>
    public T Recv<T>()
    {
        CheckReadable();
        return Decode<T>(Take(ObjectCheck<T>()));
    }

    /// <summary>Receives the next message without blocking a thread.</summary>
    /// <typeparam name="T">The expected type (<see cref="object"/> takes anything).</typeparam>
    /// <param name="cancellationToken">Ends the wait (nothing is consumed).</param>
    /// <returns>The message.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    /// <exception cref="EndOfStreamException">The other end is closed (or its process ended) and every message it sent was received.</exception>
    /// <exception cref="ObjectDisposedException">This connection is closed.</exception>
    /// <exception cref="InvalidOperationException">This is the send end of a simplex pipe, or the next message was sent with <see cref="SendBytes"/>.</exception>
    /// <exception cref="InvalidCastException">The message is not a <typeparamref name="T"/> (it is consumed).</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the pipe has ended and nothing is left to receive.</exception>
    public async ValueTask<T> RecvAsync<T>(CancellationToken cancellationToken = default)
    {
        CheckReadable();
        cancellationToken.ThrowIfCancellationRequested();
        var check = ObjectCheck<T>();
        while (true)
        {
            _used = true;
            var endpoint = _endpoint is { HasCustody: true } held ? held : await AttachAsync().ConfigureAwait(false);
            var (outcome, item) = await endpoint.ReceiveAsync(take: true, check, cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case PipeEndpoint.Outcome.Item:
                    return Decode<T>(item!);
                case PipeEndpoint.Outcome.Eof:
                    throw EndOfStream();
                default:
                    // Moved: the end is used elsewhere now; this call takes it back.
                    continue;
            }
        }
    }

    /// <summary>Whether a message (or the end of the stream) is waiting now; never blocks, never consumes anything.</summary>
    /// <returns>True when <see cref="Recv{T}"/> would not block.</returns>
    /// <exception cref="ObjectDisposedException">This connection is closed.</exception>
    /// <exception cref="InvalidOperationException">This is the send end of a simplex pipe.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the pipe has ended and nothing is left to receive.</exception>
    /// <remarks>The contract's <c>Poll(TimeSpan? timeout = TimeSpan.Zero)</c> as C# allows it: this overload is the default.</remarks>
    public bool Poll() => Poll(TimeSpan.Zero);

    /// <summary>Whether a message (or the end of the stream) is waiting; never consumes anything.</summary>
    /// <param name="timeout">How long to wait: <see cref="TimeSpan.Zero"/> does not block, null waits for ever.</param>
    /// <returns>True when <see cref="Recv{T}"/> would not block.</returns>
    /// <exception cref="ObjectDisposedException">This connection is closed.</exception>
    /// <exception cref="InvalidOperationException">This is the send end of a simplex pipe.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the pipe has ended and nothing is left to receive.</exception>
    public bool Poll(TimeSpan? timeout)
    {
        CheckReadable();
        if (timeout is { } t)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(t, TimeSpan.Zero, nameof(timeout));
        }

        return Next(check: null, timeout, take: false, out _) != PipeEndpoint.Outcome.TimedOut;
    }

    /// <summary>Receives the next message as bytes (Python's <c>recv_bytes</c>); a message sent with <see cref="Send{T}"/> comes as its serialized form.</summary>
    /// <param name="maxLength">The longest message accepted; null for any.</param>
    /// <returns>The message.</returns>
    /// <exception cref="IOException">The next message is longer than <paramref name="maxLength"/> (it stays in the pipe).</exception>
    /// <exception cref="EndOfStreamException">The other end is closed (or its process ended) and every message it sent was received.</exception>
    /// <exception cref="ObjectDisposedException">This connection is closed.</exception>
    /// <exception cref="InvalidOperationException">This is the send end of a simplex pipe.</exception>
    /// <exception cref="OwnerProcessGoneException">The process that created the pipe has ended and nothing is left to receive.</exception>
    public byte[] RecvBytes(int? maxLength = null)
    {
        CheckReadable();
        Action<PipeItemKind, int>? check = null;
        if (maxLength is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(maxLength));
            check = (_, length) =>
            {
                if (length > max)
                {
                    throw new IOException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The next message is {length} bytes, longer than maxLength {max}; it was left in the pipe."));
                }
            };
        }

        return Take(check).Payload;
    }

    /// <summary>
    /// Closes this connection. When this copy was used (or was received from another process), the end itself is
    /// closed: the other end receives what was sent before, then <see cref="EndOfStreamException"/>.
    /// </summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        if (!_used && _original)
        {
            return;
        }

        try
        {
            var endpoint = _endpoint is { HasCustody: true } held ? held : PipeRegistry.Attach(_owner, _pipe, _end, _readable, _writable);
            endpoint.CloseEnd();
        }
        catch (Exception e) when (e is ObjectDisposedException or OwnerProcessGoneException)
        {
            // Already closed, or the pipe is gone: nothing left to close.
        }
    }

    /// <summary>Same as <see cref="Close"/>.</summary>
    public void Dispose() => Close();

    /// <inheritdoc />
    public override string ToString() =>
        $"<Connection pipe={_pipe:N} end={_end}{(_readable ? " readable" : "")}{(_writable ? " writable" : "")}{(Closed ? " closed" : "")}>";

    private static EndOfStreamException EndOfStream() => new("The other end of the pipe is closed and every message it sent has been received.");

    private static Action<PipeItemKind, int>? ObjectCheck<T>() =>
        typeof(T) == typeof(byte[]) || typeof(T) == typeof(object) ? null : BytesCheck;

    private static void BytesCheck(PipeItemKind kind, int length)
    {
        if (kind == PipeItemKind.Bytes)
        {
            throw new InvalidOperationException("The next message was sent with SendBytes; receive it with RecvBytes (it was left in the pipe).");
        }
    }

    private static T Decode<T>(PipeData item)
    {
        if (item.Kind == PipeItemKind.Bytes)
        {
            return (T)(object)item.Payload;
        }

        var value = PipeSerializer.Deserialize(ProcessRuntime.Get(), item.Payload);
        if (value is T typed)
        {
            return typed;
        }

        if (value is null && default(T) is null)
        {
            return default!;
        }

        throw new InvalidCastException($"The message received is a {value?.GetType().FullName ?? "null"}, not a {typeof(T).FullName}.");
    }

    private void SendItem(PipeItemKind kind, byte[] payload)
    {
        while (!Endpoint().TrySend(kind, payload))
        {
            // The end moved to another process since the last call here: take it back, then send.
        }
    }

    private PipeData Take(Action<PipeItemKind, int>? check) =>
        Next(check, timeout: null, take: true, out var item) == PipeEndpoint.Outcome.Item ? item! : throw EndOfStream();

    // Waits for the next item (or end of stream, or the timeout), attaching the end here again if it moved away.
    private PipeEndpoint.Outcome Next(Action<PipeItemKind, int>? check, TimeSpan? timeout, bool take, out PipeData? item)
    {
        while (true)
        {
            var outcome = Endpoint().Receive(take, check, timeout, out item);
            if (outcome != PipeEndpoint.Outcome.Moved)
            {
                return outcome;
            }
        }
    }

    private PipeEndpoint Endpoint()
    {
        _used = true;
        if (_endpoint is { HasCustody: true } endpoint)
        {
            return endpoint;
        }

        if (Closed)
        {
            throw new ObjectDisposedException(nameof(Connection), "This connection is closed.");
        }

        var attached = PipeRegistry.Attach(_owner, _pipe, _end, _readable, _writable);
        _endpoint = attached;
        return attached;
    }

    private async ValueTask<PipeEndpoint> AttachAsync()
    {
        _used = true;
        ObjectDisposedException.ThrowIf(Closed, this);
        var attached = await PipeRegistry.AttachAsync(_owner, _pipe, _end, _readable, _writable).ConfigureAwait(false);
        _endpoint = attached;
        return attached;
    }

    private void CheckWritable()
    {
        ObjectDisposedException.ThrowIf(Closed, this);
        if (!_writable)
        {
            throw new InvalidOperationException("This is the receive end of a simplex pipe: it cannot send.");
        }
    }

    private void CheckReadable()
    {
        ObjectDisposedException.ThrowIf(Closed, this);
        if (!_readable)
        {
            throw new InvalidOperationException("This is the send end of a simplex pipe: it cannot receive.");
        }
    }
}
