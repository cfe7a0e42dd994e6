using System.Buffers.Binary;
using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ActorProc.Actors;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote;

/// <summary>
/// How this system reaches another one whose own address it cannot dial with its own key: through
/// <see cref="EndPoint"/>, authenticating with the key in <see cref="Options"/> (see
/// <see cref="RemoteExtension.AddRoute"/>).
/// </summary>
/// <remarks>
/// A ref to a routed system travels with a <see cref="Token"/>: the endpoint and the key, sealed with AES-GCM under a
/// key derived from this system's own auth key (bound to the routed address). Systems that share that key (the
/// process tree) open it and learn the route; any other receiver cannot and ignores it.
/// </remarks>
internal sealed class PeerRoute
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] SealInfo = "actorproc-remote route v1"u8.ToArray();

    private PeerRoute(EndPoint endPoint, TransportOptions options, string? token)
    {
        EndPoint = endPoint;
        Options = options;
        Token = token;
    }

    /// <summary>Where to dial.</summary>
    public EndPoint EndPoint { get; }

    /// <summary>The transport options to dial with (the route's key).</summary>
    public TransportOptions Options { get; }

    /// <summary>The sealed form that travels after a ref to the routed system (base64url, no '|'); null where AES-GCM is not available (the route then stays in this system).</summary>
    public string? Token { get; }

    /// <summary>A route to <paramref name="system"/>, sealed under <paramref name="ownKey"/>.</summary>
    public static PeerRoute Create(Address system, EndPoint endPoint, TransportOptions options, byte[] ownKey) =>
        new(endPoint, options, AesGcm.IsSupported ? Seal(ownKey, system, EndPointText.Format(endPoint), options.AuthKey) : null);

    /// <summary>Opens a token sealed under <paramref name="ownKey"/> for <paramref name="system"/>; false when it was sealed under another key (or is not a token).</summary>
    public static bool TryOpen(byte[] ownKey, Address system, ReadOnlySpan<char> token, out EndPoint endPoint, out byte[] authKey)
    {
        endPoint = null!;
        authKey = [];
        if (!AesGcm.IsSupported)
        {
            return false;
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        if (sealedBytes.Length < NonceSize + TagSize + 2)
        {
            return false;
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(SealKey(ownKey), TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain, Encoding.UTF8.GetBytes(system.ToString()));
        }
        catch (CryptographicException)
        {
            return false;
        }

        int textLength = BinaryPrimitives.ReadUInt16LittleEndian(plain);
        if (2 + textLength > plain.Length)
        {
            return false;
        }

        try
        {
            endPoint = EndPointText.Parse(Encoding.UTF8.GetString(plain, 2, textLength));
        }
        catch (FormatException)
        {
            return false;
        }

        authKey = plain[(2 + textLength)..];
        return authKey.Length >= TransportOptions.MinAuthKeyLength;
    }

    private static string Seal(byte[] ownKey, Address system, string endPoint, byte[] authKey)
    {
        int textLength = Encoding.UTF8.GetByteCount(endPoint);
        var plain = new byte[2 + textLength + authKey.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(plain, checked((ushort)textLength));
        Encoding.UTF8.GetBytes(endPoint, plain.AsSpan(2));
        authKey.CopyTo(plain, 2 + textLength);

        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, NonceSize));
        using (var aes = new AesGcm(SealKey(ownKey), TagSize))
        {
            aes.Encrypt(sealedBytes.AsSpan(0, NonceSize), plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(system.ToString()));
        }

        CryptographicOperations.ZeroMemory(plain);
        return Base64Url.EncodeToString(sealedBytes);
    }

    private static byte[] SealKey(byte[] ownKey) => HKDF.DeriveKey(HashAlgorithmName.SHA256, ownKey, 32, salt: null, info: SealInfo);
}
