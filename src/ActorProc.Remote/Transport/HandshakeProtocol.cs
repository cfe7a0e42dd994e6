using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
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

    /// <summary>Runs the connect side; returns the server's identity payload.</summary>
    internal static async ValueTask<byte[]> RunClientAsync(
        PipeReader input, PipeWriter output, byte[] key, ReadOnlyMemory<byte> localIdentity, CancellationToken ct)
    {
        byte[] clientNonce = RandomNumberGenerator.GetBytes(NonceSize);
        WriteHello(output, clientNonce, localIdentity.Span);
        await FlushAsync(output, ct).ConfigureAwait(false);

        (byte[] serverNonce, byte[] serverIdentity) = await ReadHelloAsync(input, ct).ConfigureAwait(false);
        byte[] serverProof = await ReadExactAsync(input, ProofSize, ct).ConfigureAwait(false);
        Verify(key, ServerLabel, serverNonce, clientNonce, localIdentity.Span, serverIdentity, serverProof);

        WriteProof(output, key, ClientLabel, clientNonce, serverNonce, localIdentity.Span, serverIdentity);
        await FlushAsync(output, ct).ConfigureAwait(false);

        byte[] accept = await ReadExactAsync(input, 1, ct).ConfigureAwait(false);
        if (accept[0] != AcceptByte)
        {
            throw new InvalidDataException("unexpected acceptance byte");
        }

        return serverIdentity;
    }

    /// <summary>Runs the accept side; returns the client's identity payload.</summary>
    internal static async ValueTask<byte[]> RunServerAsync(
        PipeReader input, PipeWriter output, byte[] key, ReadOnlyMemory<byte> localIdentity, CancellationToken ct)
    {
        (byte[] clientNonce, byte[] clientIdentity) = await ReadHelloAsync(input, ct).ConfigureAwait(false);

        byte[] serverNonce = RandomNumberGenerator.GetBytes(NonceSize);
        WriteHello(output, serverNonce, localIdentity.Span);
        WriteProof(output, key, ServerLabel, serverNonce, clientNonce, clientIdentity, localIdentity.Span);
        await FlushAsync(output, ct).ConfigureAwait(false);

        byte[] clientProof = await ReadExactAsync(input, ProofSize, ct).ConfigureAwait(false);
        Verify(key, ClientLabel, clientNonce, serverNonce, clientIdentity, localIdentity.Span, clientProof);

        output.GetSpan(1)[0] = AcceptByte;
        output.Advance(1);
        await FlushAsync(output, ct).ConfigureAwait(false);
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
        PipeWriter output,
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

    private static async ValueTask<(byte[] Nonce, byte[] Identity)> ReadHelloAsync(PipeReader input, CancellationToken ct)
    {
        // Check the magic as soon as 4 bytes are in, so garbage is rejected without waiting for more.
        ReadResult result = await input.ReadAtLeastAsync(Magic.Length, ct).ConfigureAwait(false);
        ReadOnlySequence<byte> buffer = result.Buffer;
        if (buffer.Length < Magic.Length)
        {
            input.AdvanceTo(buffer.Start, buffer.End);
            throw new InvalidDataException("connection closed before hello");
        }

        bool magicOk = buffer.Slice(0, Magic.Length).ToArray().AsSpan().SequenceEqual(Magic);
        input.AdvanceTo(buffer.Start);
        if (!magicOk)
        {
            throw new InvalidDataException("bad hello magic");
        }

        byte[] header = await ReadExactAsync(input, HelloHeaderSize, ct).ConfigureAwait(false);
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

        byte[] identity = identityLength == 0 ? [] : await ReadExactAsync(input, identityLength, ct).ConfigureAwait(false);
        return (nonce, identity);
    }

    private static async ValueTask<byte[]> ReadExactAsync(PipeReader input, int count, CancellationToken ct)
    {
        ReadResult result = await input.ReadAtLeastAsync(count, ct).ConfigureAwait(false);
        ReadOnlySequence<byte> buffer = result.Buffer;
        if (buffer.Length < count)
        {
            input.AdvanceTo(buffer.Start, buffer.End);
            throw new InvalidDataException("connection closed by peer during handshake");
        }

        byte[] bytes = buffer.Slice(0, count).ToArray();
        input.AdvanceTo(buffer.GetPosition(count));
        return bytes;
    }

    private static async ValueTask FlushAsync(PipeWriter output, CancellationToken ct)
    {
        FlushResult flush = await output.FlushAsync(ct).ConfigureAwait(false);
        if (flush.IsCanceled)
        {
            throw new OperationCanceledException(ct);
        }
    }
}
