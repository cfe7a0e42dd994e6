using System.Buffers.Binary;
using System.Text;

namespace ActorProc.Multiprocessing.Runtime;

/// <summary>
/// What a child needs before it can talk to its parent: the auth key, where to report, the parent's
/// configuration, whether to send its log events to the parent (<c>ForwardLogs</c>) and whether it is started as a
/// spare (<c>Spare</c>: while it waits it also loads the assemblies named in <c>Preload</c> and warms up a pool
/// worker; a child started for a waiting <see cref="Process.Start"/> only builds what its own start needs). It travels on the child's stdin (never argv or the
/// environment, which other users can read), as one length-prefixed frame; stdin then stays open as a liveness pipe.
/// </summary>
internal sealed record ChildBootstrap(byte[] AuthKey, string ReportTo, long Token, string Hocon, bool ForwardLogs, bool Spare, string[] Preload)
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
            writer.Write(Spare);
            writer.Write(Preload.Length);
            foreach (var name in Preload)
            {
                writer.Write(name);
            }
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
        var (reportTo, token, hocon, forwardLogs, spare) = (reader.ReadString(), reader.ReadInt64(), reader.ReadString(), reader.ReadBoolean(), reader.ReadBoolean());
        int count = reader.ReadInt32();
        if (count is < 0 or > Launch.ChildCodeAssemblies.MaxNames)
        {
            throw new InvalidDataException($"Bootstrap frame names {count} assemblies to preload (at most {Launch.ChildCodeAssemblies.MaxNames}).");
        }

        var preload = new string[count];
        for (int i = 0; i < count; i++)
        {
            preload[i] = reader.ReadString();
        }

        return new ChildBootstrap(key, reportTo, token, hocon, forwardLogs, spare, preload);
    }
}
