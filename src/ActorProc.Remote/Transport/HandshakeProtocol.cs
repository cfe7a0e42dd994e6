using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ActorProc.Remote.Transport;

/// <summary>
/// Mutual HMAC-SHA256 challenge-response run before any frame is exchanged.
/// <code>
/// client -> server : HELLO(client nonce, client identity)
/// server -> client : HELLO(server nonce, server identity) PROOF(server)
/// client -> server : PROOF(client)                   (only if the server's proof verified)
/// server -> client : ACCEPT                          (only if the client's proof verified)
/// HELLO  = "APRT" | version u16 LE | reserved u16 | nonce[32] | identity length u16 LE | identity
/// PROOF  = HMAC-SHA256(key, role label | own nonce | peer nonce | len|client identity | len|server identity)
/// </code>
/// Failures are reported as <see cref="InvalidDataException"/> whose message is the logged reason.
/// </summary>
internal static class HandshakeProtocol
{
    internal const ushort Version = 1;
    internal const int NonceSize = 32;
    internal const int ProofSize = 32;
    internal const int MaxIdentitySize = 4096;
    internal const int HelloHeaderSize = 4 + 2 + 2 + NonceSize + 2;
    internal const byte AcceptByte = 0xA5;

    internal static ReadOnlySpan<byte> Magic => "APRT"u8;

    private static ReadOnlySpan<byte> ClientLabel => "actorproc-transport/1 client proof"u8;

    private static ReadOnlySpan<byte> ServerLabel => "actorproc-transport/1 server proof"u8;

    /// <summary>Runs the connect side with blocking I/O; returns the server's identity payload.</summary>
    internal static byte[] RunClient(HandshakeChannel channel, byte[] key, ReadOnlyMemory<byte> localIdentity)
    {
        byte[] clientNonce = RandomNumberGenerator.GetBytes(NonceSize);
        var output = new ArrayBufferWriter<byte>(HelloHeaderSize + localIdentity.Length + ProofSize);
        WriteHello(output, clientNonce, localIdentity.Span);
        channel.Send(output.WrittenSpan);

        (byte[] serverNonce, byte[] serverIdentity) = ReadHello(channel);
        byte[] serverProof = channel.ReadExact(ProofSize);
        Verify(key, ServerLabel, serverNonce, clientNonce, localIdentity.Span, serverIdentity, serverProof);

        output.ResetWrittenCount();
        WriteProof(output, key, ClientLabel, clientNonce, serverNonce, localIdentity.Span, serverIdentity);
        channel.Send(output.WrittenSpan);

        byte[] accept = channel.ReadExact(1);
        if (accept[0] != AcceptByte)
        {
            throw new InvalidDataException("unexpected acceptance byte");
        }

        return serverIdentity;
    }

    /// <summary>Runs the accept side with blocking I/O; returns the client's identity payload.</summary>
    internal static byte[] RunServer(HandshakeChannel channel, byte[] key, ReadOnlyMemory<byte> localIdentity)
    {
        (byte[] clientNonce, byte[] clientIdentity) = ReadHello(channel);

        byte[] serverNonce = RandomNumberGenerator.GetBytes(NonceSize);
        var output = new ArrayBufferWriter<byte>(HelloHeaderSize + localIdentity.Length + ProofSize);
        WriteHello(output, serverNonce, localIdentity.Span);
        WriteProof(output, key, ServerLabel, serverNonce, clientNonce, clientIdentity, localIdentity.Span);
        channel.Send(output.WrittenSpan);

        byte[] clientProof = channel.ReadExact(ProofSize);
        Verify(key, ClientLabel, clientNonce, serverNonce, clientIdentity, localIdentity.Span, clientProof);

        channel.Send([AcceptByte]);
        return clientIdentity;
    }

    internal static void WriteHello(IBufferWriter<byte> output, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> identity)
    {
        Span<byte> span = output.GetSpan(HelloHeaderSize + identity.Length);
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], 0);
        nonce.CopyTo(span[8..]);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(8 + NonceSize)..], (ushort)identity.Length);
        identity.CopyTo(span[HelloHeaderSize..]);
        output.Advance(HelloHeaderSize + identity.Length);
    }

    internal static void ComputeProof(
        byte[] key,
        ReadOnlySpan<byte> label,
        ReadOnlySpan<byte> ownNonce,
        ReadOnlySpan<byte> peerNonce,
        ReadOnlySpan<byte> clientIdentity,
        ReadOnlySpan<byte> serverIdentity,
        Span<byte> destination)
    {
        int length = label.Length + (2 * NonceSize) + 4 + clientIdentity.Length + serverIdentity.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> data = rented.AsSpan(0, length);
            int at = 0;
            Append(data, ref at, label);
            Append(data, ref at, ownNonce);
            Append(data, ref at, peerNonce);
            BinaryPrimitives.WriteUInt16LittleEndian(data[at..], (ushort)clientIdentity.Length);
            at += 2;
            Append(data, ref at, clientIdentity);
            BinaryPrimitives.WriteUInt16LittleEndian(data[at..], (ushort)serverIdentity.Length);
            at += 2;
            Append(data, ref at, serverIdentity);
            HMACSHA256.HashData(key, data, destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void Append(Span<byte> data, ref int at, ReadOnlySpan<byte> part)
    {
        part.CopyTo(data[at..]);
        at += part.Length;
    }

    private static void WriteProof(
        IBufferWriter<byte> output,
        byte[] key,
        ReadOnlySpan<byte> label,
        ReadOnlySpan<byte> ownNonce,
        ReadOnlySpan<byte> peerNonce,
        ReadOnlySpan<byte> clientIdentity,
        ReadOnlySpan<byte> serverIdentity)
    {
        ComputeProof(key, label, ownNonce, peerNonce, clientIdentity, serverIdentity, output.GetSpan(ProofSize));
        output.Advance(ProofSize);
    }

    private static void Verify(
        byte[] key,
        ReadOnlySpan<byte> label,
        ReadOnlySpan<byte> peerNonce,
        ReadOnlySpan<byte> ownNonce,
        ReadOnlySpan<byte> clientIdentity,
        ReadOnlySpan<byte> serverIdentity,
        ReadOnlySpan<byte> received)
    {
        Span<byte> expected = stackalloc byte[ProofSize];
        ComputeProof(key, label, peerNonce, ownNonce, clientIdentity, serverIdentity, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, received))
        {
            throw new InvalidDataException("bad proof");
        }
    }

    private static (byte[] Nonce, byte[] Identity) ReadHello(HandshakeChannel channel)
    {
        // Check the magic as soon as 4 bytes are in, so garbage is rejected without waiting for more.
        if (!channel.Fill(Magic.Length))
        {
            throw new InvalidDataException("connection closed before hello");
        }

        if (!channel.Buffered[..Magic.Length].SequenceEqual(Magic))
        {
            throw new InvalidDataException("bad hello magic");
        }

        byte[] header = channel.ReadExact(HelloHeaderSize);
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(4));
        if (version != Version)
        {
            throw new InvalidDataException($"unsupported protocol version {version}");
        }

        byte[] nonce = header.AsSpan(8, NonceSize).ToArray();
        int identityLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8 + NonceSize));
        if (identityLength > MaxIdentitySize)
        {
            throw new InvalidDataException($"identity payload of {identityLength} bytes exceeds {MaxIdentitySize}");
        }

        byte[] identity = identityLength == 0 ? [] : channel.ReadExact(identityLength);
        return (nonce, identity);
    }
}
