using System.Buffers;
using System.Text;
using ActorProc.Actors;

namespace ActorProc.Remote;

/// <summary>The first byte of every remoting frame.</summary>
internal enum FrameKind : byte
{
    /// <summary>Nothing (written instead of a message that could not be serialized); ignored.</summary>
    Skip = 0,

    /// <summary>The accepting side keeps the connection: the first frame it sends.</summary>
    Welcome = 1,

    /// <summary>Liveness signal, sent every heartbeat interval.</summary>
    Heartbeat = 2,

    /// <summary>A <see cref="UserEnvelope"/> follows.</summary>
    User = 3,

    /// <summary>A <see cref="SystemEnvelope"/> follows.</summary>
    System = 4,

    /// <summary>The sender is shutting down on purpose (its process exits or its system stops): the close that follows is not a failure.</summary>
    Goodbye = 5,
}

/// <summary>The kind of a <see cref="SystemEnvelope"/>.</summary>
internal enum SystemKind : byte
{
    Watch = 1,
    Unwatch = 2,
    Terminate = 3,
    DeathWatchNotification = 4,
}

/// <summary>A control frame without body (welcome, heartbeat, goodbye).</summary>
internal sealed class ControlFrame
{
    public static readonly ControlFrame Welcome = new(FrameKind.Welcome);
    public static readonly ControlFrame Heartbeat = new(FrameKind.Heartbeat);
    public static readonly ControlFrame Goodbye = new(FrameKind.Goodbye);

    private ControlFrame(FrameKind kind) => Kind = kind;

    public FrameKind Kind { get; }
}

/// <summary>A user message on the wire: recipient path, optional sender, the message.</summary>
internal sealed class UserEnvelope
{
    public UserEnvelope(string recipient, bool isSelection, IActorRef? sender, object message)
    {
        Recipient = recipient;
        IsSelection = isSelection;
        Sender = sender;
        Message = message;
    }

    /// <summary>The recipient's full path (with <c>#uid</c> when known), in the receiver's address.</summary>
    public string Recipient { get; }

    /// <summary>True when <see cref="Recipient"/> holds wildcards or <c>..</c> and is delivered as an actor selection.</summary>
    public bool IsSelection { get; }

    /// <summary>The sender (travels as its path), or null.</summary>
    public IActorRef? Sender { get; }

    /// <summary>The message.</summary>
    public object Message { get; }
}

/// <summary>A system message on the wire; refs travel as full path strings.</summary>
internal sealed class SystemEnvelope
{
    public SystemEnvelope(SystemKind kind, string target, string? other, bool existenceConfirmed)
    {
        Kind = kind;
        Target = target;
        Other = other;
        ExistenceConfirmed = existenceConfirmed;
    }

    public SystemKind Kind { get; }

    /// <summary>Watch/Unwatch: the watchee; Terminate: the actor to stop; notification: the watcher.</summary>
    public string Target { get; }

    /// <summary>Watch/Unwatch: the watcher; notification: the actor that died.</summary>
    public string? Other { get; }

    /// <summary>Notification only.</summary>
    public bool ExistenceConfirmed { get; }
}

/// <summary>The handshake identity payload: <c>address-string '\n' uid</c> in UTF-8.</summary>
internal readonly record struct RemoteIdentity(Address Address, long Uid)
{
    public byte[] Encode() => Encoding.UTF8.GetBytes(Address + "\n" + Uid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static bool TryDecode(ReadOnlyMemory<byte> payload, out RemoteIdentity identity)
    {
        identity = default;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(payload.Span);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var newline = text.IndexOf('\n');
        if (newline <= 0 ||
            !long.TryParse(text.AsSpan(newline + 1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var uid))
        {
            return false;
        }

        try
        {
            identity = new RemoteIdentity(Address.Parse(text[..newline]), uid);
            return identity.Address.HasGlobalScope;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>Writes one remoting item as a frame payload: kind byte, then the serialized envelope.</summary>
internal static class FrameBodyWriter
{
    public static void WriteKind(IBufferWriter<byte> payload, FrameKind kind)
    {
        payload.GetSpan(1)[0] = (byte)kind;
        payload.Advance(1);
    }
}
