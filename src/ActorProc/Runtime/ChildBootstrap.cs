using System.Buffers.Binary;
using System.Text;

namespace ActorProc.Multiprocessing.Runtime;

/// <summary>
/// What a child needs before it can talk to its parent: the auth key, where to report, the parent's
/// configuration, and whether to send its log events to the parent (<c>ForwardLogs</c>). It travels on the child's stdin (never argv or the environment, which other users can
/// read), as one length-prefixed frame; stdin then stays open as a liveness pipe.
/// </summary>
internal sealed record ChildBootstrap(byte[] AuthKey, string ReportTo, long Token, string Hocon, bool ForwardLogs)
{
    private const int Magic = 0x41504231; // "APB1"
    private const int MaxLength = 16 * 1024 * 1024;

    /// <summary>Writes the frame to <paramref name="stream"/> and flushes.</summary>
    public void WriteTo(Stream stream)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(AuthKey.Length);
            writer.Write(AuthKey);
            writer.Write(ReportTo);
            writer.Write(Token);
            writer.Write(Hocon);
            writer.Write(ForwardLogs);
        }

        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], (int)body.Length);
        stream.Write(header);
        stream.Write(body.GetBuffer(), 0, (int)body.Length);
        stream.Flush();
    }

    /// <summary>Reads the frame from <paramref name="stream"/>.</summary>
    /// <exception cref="InvalidDataException">The stream does not start with a bootstrap frame.</exception>
    public static ChildBootstrap ReadFrom(Stream stream)
    {
        Span<byte> header = stackalloc byte[8];
        stream.ReadExactly(header);
        if (BinaryPrimitives.ReadInt32LittleEndian(header) != Magic)
        {
            throw new InvalidDataException("stdin does not start with an ActorProc bootstrap frame (ActorProc.ChildHost is started by ActorProc, not by hand).");
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (length is <= 0 or > MaxLength)
        {
            throw new InvalidDataException($"Bootstrap frame length {length} is out of range.");
        }

        var body = new byte[length];
        stream.ReadExactly(body);
        using var reader = new BinaryReader(new MemoryStream(body), Encoding.UTF8);
        var key = reader.ReadBytes(reader.ReadInt32());
        return new ChildBootstrap(key, reader.ReadString(), reader.ReadInt64(), reader.ReadString(), reader.ReadBoolean());
    }
}
