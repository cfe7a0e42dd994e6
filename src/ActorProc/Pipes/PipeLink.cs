using System.Buffers.Binary;
using System.Net.Sockets;
using ActorProc.Multiprocessing.Synchronization;

namespace ActorProc.Multiprocessing.Pipes;

/// <summary>
/// A direct Unix socket from the process sending one direction of a pipe to the process receiving it: items go
/// straight from the sender's thread to the socket, and the receiver's thread reads them from the socket, with no
/// thread in between (as a Python pipe). An item frame is <c>kind:u8 more:u8 length:i32le payload</c>; the items of a
/// link carry consecutive sequence numbers from the start number the sender wrote when it connected.
/// </summary>
internal sealed class PipeLink : IDisposable
{
    /// <summary>Bytes before a frame's payload.</summary>
    public const int HeaderSize = 6;

    /// <summary>Bytes of the greeting a sender writes first: the offer token, then the sequence number of its first item.</summary>
    public const int GreetingSize = 24;

    private const int InlinePayload = 16 * 1024;
    private const int MidFrameWaitMs = 1000;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private int _timeoutMs = -1;

    /// <summary>An inbound link whose first item has sequence number <paramref name="start"/>.</summary>
    public PipeLink(Socket socket, long start)
    {
        Socket = socket;
        NextSeq = start;
    }

    /// <summary>What reading found.</summary>
    public enum Read
    {
        /// <summary>Nothing to read within the time given.</summary>
        NotReady,

        /// <summary>An item.</summary>
        Item,

        /// <summary>The sender detached: the link is done.</summary>
        Detached,

        /// <summary>The socket ended without a detach (the sender's process died) or failed.</summary>
        Broken,
    }

    /// <summary>The socket.</summary>
    public Socket Socket { get; }

    /// <summary>The sequence number of the next item on this link.</summary>
    public long NextSeq { get; private set; }

    /// <summary>Writes one item frame (blocking until the kernel took it).</summary>
    /// <exception cref="SocketException">The receiver is gone.</exception>
    public static void Write(Socket socket, PipeItemKind kind, bool more, ReadOnlySpan<byte> payload)
    {
        if (payload.Length <= InlinePayload)
        {
            Span<byte> frame = stackalloc byte[HeaderSize + payload.Length];
            WriteHeader(frame, kind, more, payload.Length);
            payload.CopyTo(frame[HeaderSize..]);
            SendAll(socket, frame);
            return;
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        WriteHeader(header, kind, more, payload.Length);
        SendAll(socket, header);
        SendAll(socket, payload);
    }

    /// <summary>Writes the greeting of a new outbound link.</summary>
    public static void Greet(Socket socket, Guid token, long start)
    {
        Span<byte> greeting = stackalloc byte[GreetingSize];
        token.TryWriteBytes(greeting);
        BinaryPrimitives.WriteInt64LittleEndian(greeting[16..], start);
        SendAll(socket, greeting);
    }

    /// <summary>Ends an outbound link: writes the detach frame (when it can) and closes the socket.</summary>
    public static void Detach(Socket socket)
    {
        try
        {
            Write(socket, PipeItemKind.Detach, false, []);
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The receiver is gone: nothing to tell it.
        }

        socket.Dispose();
    }

    /// <summary>
    /// Reads the next item when one starts arriving within <paramref name="waitMicroseconds"/> (a frame that started
    /// is read whole: the sender writes whole frames). Reads are buffered: usually one system call per item, none
    /// when the item already arrived with the previous one.
    /// </summary>
    public Read TryRead(int waitMicroseconds, out PipeData? item)
    {
        item = null;
        try
        {
            if (_end == _start)
            {
                _start = _end = 0;
                int first = Receive(_buffer, waitMicroseconds);
                if (first < 0)
                {
                    return Read.NotReady;
                }

                if (first == 0)
                {
                    return Read.Broken;
                }

                _end = first;
            }

            while (_end - _start < HeaderSize)
            {
                if (!FillMidFrame())
                {
                    return Read.Broken;
                }
            }

            var header = _buffer.AsSpan(_start, HeaderSize);
            var kind = (PipeItemKind)header[0];
            bool more = header[1] != 0;
            int length = BinaryPrimitives.ReadInt32LittleEndian(header[2..]);
            if (kind > PipeItemKind.Detach || length < 0)
            {
                return Read.Broken;
            }

            _start += HeaderSize;
            if (kind == PipeItemKind.Detach)
            {
                return Read.Detached;
            }

            var payload = length == 0 ? [] : new byte[length];
            int filled = Math.Min(length, _end - _start);
            _buffer.AsSpan(_start, filled).CopyTo(payload);
            _start += filled;
            while (filled < length)
            {
                int n = ReceiveMidFrame(payload.AsSpan(filled));
                if (n == 0)
                {
                    return Read.Broken;
                }

                filled += n;
            }

            item = new PipeData(NextSeq++, kind, more, payload);
            return Read.Item;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return Read.Broken;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Socket.Dispose();

    private static void WriteHeader(Span<byte> header, PipeItemKind kind, bool more, int length)
    {
        header[0] = (byte)kind;
        header[1] = more ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt32LittleEndian(header[2..], length);
    }

    private static void SendAll(Socket socket, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            int sent = socket.Send(data);
            data = data[sent..];
        }
    }

    // Bytes received (0 at the end of the stream), or -1 when none arrived within the wait.
    private int Receive(Span<byte> into, int waitMicroseconds)
    {
        if (waitMicroseconds <= 0)
        {
            if (!Socket.Poll(0, SelectMode.SelectRead))
            {
                return -1;
            }
        }
        else
        {
            // A reply is often microseconds away (the peer runs on another core): a short spin saves the two context
            // switches of sleeping in the kernel and being woken.
            WaitSpin.Until(Socket, static socket => socket.Poll(0, SelectMode.SelectRead));

            int ms = Math.Max(1, waitMicroseconds / 1000);
            if (ms != _timeoutMs)
            {
                Socket.ReceiveTimeout = ms;
                _timeoutMs = ms;
            }
        }

        try
        {
            return Socket.Receive(into);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            return -1;
        }
    }

    // Inside a frame the rest is on its way (the sender writes whole frames): wait for it.
    private int ReceiveMidFrame(Span<byte> into)
    {
        while (true)
        {
            int n = Receive(into, MidFrameWaitMs * 1000);
            if (n >= 0)
            {
                return n;
            }
        }
    }

    // Appends bytes behind the buffered ones (moving them to the front first); false at the end of the stream.
    private bool FillMidFrame()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        int n = ReceiveMidFrame(_buffer.AsSpan(_end));
        _end += n;
        return n > 0;
    }
}
