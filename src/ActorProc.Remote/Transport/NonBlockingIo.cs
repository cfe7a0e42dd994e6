using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ActorProc.Remote.Transport;

/// <summary>
/// Single non-blocking <c>send(2)</c>/<c>recv(2)</c> calls with <c>MSG_DONTWAIT</c> on a socket that stays
/// in blocking mode, for a connection's sender fast path and its receive spin.
/// <see cref="Socket.Send(ReadOnlySpan{byte})"/> offers no per-call non-blocking flag and reports 0 bytes
/// when a send is cut short, so the calls go to libc directly. Linux only; elsewhere (or if libc cannot be
/// bound) <see cref="IsSupported"/> turns false and connections only use blocking calls from their
/// writer and read thread.
/// </summary>
internal static partial class NonBlockingIo
{
    /// <summary><see cref="TryReceive"/>: no data yet.</summary>
    internal const int WouldBlock = -1;

    /// <summary><see cref="TrySend"/>/<see cref="TryReceive"/>: failed; a blocking call reports the error properly.</summary>
    internal const int Failed = -2;

    private const int MsgDontWait = 0x40;
    private const int MsgNoSignal = 0x4000;
    private const int ErrorInterrupted = 4;
    private const int ErrorWouldBlock = 11;

    private static volatile bool _supported = OperatingSystem.IsLinux();

    /// <summary>Whether <see cref="TrySend"/> and <see cref="TryReceive"/> may be used.</summary>
    internal static bool IsSupported => _supported;

    /// <summary>Sends as much of <paramref name="data"/> as the kernel takes without blocking.</summary>
    /// <returns>The number of bytes sent (0 when the send buffer is full), or <see cref="Failed"/>.</returns>
    internal static unsafe int TrySend(SafeSocketHandle socket, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return 0;
        }

        try
        {
            fixed (byte* bytes = data)
            {
                while (true)
                {
                    nint sent = Send(socket, bytes, (nuint)data.Length, MsgDontWait | MsgNoSignal);
                    if (sent >= 0)
                    {
                        return (int)sent;
                    }

                    int error = Marshal.GetLastPInvokeError();
                    if (error != ErrorInterrupted)
                    {
                        return error == ErrorWouldBlock ? 0 : Failed;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _supported = false;
            return Failed;
        }
    }

    /// <summary>Receives what is available into <paramref name="buffer"/> (not empty) without blocking.</summary>
    /// <returns>The number of bytes received (0 when the peer closed), <see cref="WouldBlock"/> or <see cref="Failed"/>.</returns>
    internal static unsafe int TryReceive(SafeSocketHandle socket, Span<byte> buffer)
    {
        try
        {
            fixed (byte* bytes = buffer)
            {
                while (true)
                {
                    nint received = Receive(socket, bytes, (nuint)buffer.Length, MsgDontWait);
                    if (received >= 0)
                    {
                        return (int)received;
                    }

                    int error = Marshal.GetLastPInvokeError();
                    if (error != ErrorInterrupted)
                    {
                        return error == ErrorWouldBlock ? WouldBlock : Failed;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _supported = false;
            return Failed;
        }
    }

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    private static unsafe partial nint Send(SafeSocketHandle socket, byte* buffer, nuint length, int flags);

    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    private static unsafe partial nint Receive(SafeSocketHandle socket, byte* buffer, nuint length, int flags);
}
