using System.Net.Sockets;

namespace ActorProc.Remote.Transport;

/// <summary>
/// Blocking, buffered I/O over a socket for the handshake. Blocking calls keep the socket off the
/// runtime's epoll engine (a socket that never ran an asynchronous operation stays in blocking mode),
/// which lets the connection's read thread later block in the kernel directly. Bytes read past the end
/// of the handshake are kept and handed to the connection by <see cref="TakeLeftover"/>.
/// </summary>
internal sealed class HandshakeChannel
{
    private const int BufferSize = 16 * 1024;

    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;

    internal HandshakeChannel(Socket socket)
    {
        _socket = socket;
    }

    /// <summary>The bytes received and not consumed yet.</summary>
    internal ReadOnlySpan<byte> Buffered => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Receives until at least <paramref name="count"/> bytes are buffered; false when the peer closed first.</summary>
    internal bool Fill(int count)
    {
        if (_end - _start >= count)
        {
            return true;
        }

        if (_buffer.Length - _start < count)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        while (_end - _start < count)
        {
            int read = _socket.Receive(_buffer.AsSpan(_end), SocketFlags.None);
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }

    /// <summary>Consumes exactly <paramref name="count"/> bytes (at most the buffer size).</summary>
    /// <exception cref="InvalidDataException">The peer closed the connection first.</exception>
    internal byte[] ReadExact(int count)
    {
        if (!Fill(count))
        {
            throw new InvalidDataException("connection closed by peer during handshake");
        }

        byte[] bytes = _buffer.AsSpan(_start, count).ToArray();
        _start += count;
        return bytes;
    }

    /// <summary>Sends all of <paramref name="bytes"/>, blocking until the kernel took them.</summary>
    internal void Send(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            int sent = _socket.Send(bytes, SocketFlags.None);
            bytes = bytes[sent..];
        }
    }

    /// <summary>The bytes received after the handshake (the start of the first frames), possibly empty.</summary>
    internal byte[] TakeLeftover()
    {
        byte[] leftover = Buffered.ToArray();
        _start = _end = 0;
        return leftover;
    }
}
