using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorProc.Remote.Transport;

/// <summary>Settings shared by <see cref="TransportListener"/>, <see cref="TransportClient"/> and their connections.</summary>
public sealed class TransportOptions
{
    /// <summary>Default maximum frame payload size: 16 MiB.</summary>
    public const int DefaultMaxFrameSize = 16 * 1024 * 1024;

    /// <summary>Smallest accepted <see cref="AuthKey"/> length in bytes.</summary>
    public const int MinAuthKeyLength = 16;

    /// <summary>
    /// The shared secret both sides prove knowledge of during the handshake (at least 16 bytes).
    /// It is only ever used as an HMAC-SHA256 key and never sent.
    /// </summary>
    public required byte[] AuthKey { get; init; }

    /// <summary>
    /// Largest frame payload accepted or sent, in bytes (default 16 MiB). A received header above it
    /// closes the connection with <see cref="DisconnectReason.FrameTooLarge"/> before any buffer of that
    /// size is allocated.
    /// </summary>
    public int MaxFrameSize { get; init; } = DefaultMaxFrameSize;

    /// <summary>How long a handshake may take before the socket is dropped (default 5 s).</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many inbound handshakes a listener runs at once (default 128). Sockets accepted beyond
    /// this are closed at once and counted as failed handshakes.
    /// </summary>
    public int MaxPendingHandshakes { get; init; } = 128;

    /// <summary>
    /// Capacity of each connection's send queue. 0 (the default) means unbounded: the upper layer is
    /// responsible for flow control. When positive, <see cref="TransportConnection{TOut}.TrySend"/>
    /// returns <see langword="false"/> while the queue is full and the item is not queued.
    /// </summary>
    public int SendQueueCapacity { get; init; }

    /// <summary>Optional fault injector applied to every connection created with these options.</summary>
    public FaultInjector? FaultInjector { get; init; }

    /// <summary>Logger factory for transport diagnostics (default: no logging).</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    internal void Validate()
    {
        if (AuthKey is null || AuthKey.Length < MinAuthKeyLength)
        {
            throw new ArgumentException($"AuthKey must be at least {MinAuthKeyLength} bytes.", nameof(AuthKey));
        }

        if (MaxFrameSize < 1 || MaxFrameSize > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFrameSize), MaxFrameSize, "MaxFrameSize must be positive.");
        }

        if (HandshakeTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(HandshakeTimeout), HandshakeTimeout, "HandshakeTimeout must be positive.");
        }

        if (MaxPendingHandshakes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPendingHandshakes), MaxPendingHandshakes, "MaxPendingHandshakes must be positive.");
        }

        if (SendQueueCapacity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SendQueueCapacity), SendQueueCapacity, "SendQueueCapacity must not be negative.");
        }
    }

    internal static void ValidateIdentity(ReadOnlyMemory<byte> identity)
    {
        if (identity.Length > HandshakeProtocol.MaxIdentitySize)
        {
            throw new ArgumentException($"The identity payload must not exceed {HandshakeProtocol.MaxIdentitySize} bytes.", nameof(identity));
        }
    }
}
