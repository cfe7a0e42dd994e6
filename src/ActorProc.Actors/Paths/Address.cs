using System.Globalization;
using System.Text;

namespace ActorProc.Actors;

/// <summary>
/// The address part of an actor path: the protocol, the actor system's name and, for a system reachable
/// over the network, its host and port (or socket). A local address has no host.
/// </summary>
/// <remarks>
/// String forms: <c>actorproc://sys</c> (local), <c>actorproc.tcp://sys@10.0.0.1:2552</c> (TCP),
/// <c>actorproc.unix://sys@%2Ftmp%2Fx.sock</c> (Unix socket; the host is the percent-encoded socket path).
/// </remarks>
public sealed class Address : IEquatable<Address>
{
    /// <summary>The protocol of local addresses.</summary>
    public const string LocalProtocol = "actorproc";

    private string? _text;

    /// <summary>Creates an address.</summary>
    /// <param name="protocol">The protocol, e.g. <c>actorproc</c>, <c>actorproc.tcp</c>, <c>actorproc.unix</c>.</param>
    /// <param name="system">The actor system's name.</param>
    /// <param name="host">The host name, IP address or Unix socket path; <c>null</c> for a local address.</param>
    /// <param name="port">The TCP port; <c>null</c> when not applicable.</param>
    public Address(string protocol, string system, string? host = null, int? port = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocol);
        ArgumentException.ThrowIfNullOrEmpty(system);
        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A port must be between 0 and 65535.");
        }

        Protocol = protocol;
        System = system;
        Host = host;
        Port = port;
    }

    /// <summary>The protocol.</summary>
    public string Protocol { get; }

    /// <summary>The actor system's name.</summary>
    public string System { get; }

    /// <summary>The host, or <c>null</c> for a local address.</summary>
    public string? Host { get; }

    /// <summary>The port, or <c>null</c>.</summary>
    public int? Port { get; }

    /// <summary>True when the address has a host, that is, it can be reached from another process.</summary>
    public bool HasGlobalScope => Host is not null;

    /// <summary>True when the address has no host: only the local system can resolve it.</summary>
    public bool HasLocalScope => Host is null;

    /// <summary>Creates the local address of a system.</summary>
    public static Address Local(string system) => new(LocalProtocol, system);

    /// <summary>Parses an address such as <c>actorproc.tcp://sys@host:1234</c>.</summary>
    /// <exception cref="FormatException">The text is not an address; the message names the text.</exception>
    public static Address Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var address, out var rest) || rest.Length != 0)
        {
            throw new FormatException($"'{text}' is not a valid actor system address (expected protocol://system[@host[:port]]).");
        }

        return address;
    }

    /// <summary>Parses the address at the start of <paramref name="text"/> and returns the remainder (the path part).</summary>
    internal static bool TryParse(string text, out Address address, out string rest)
    {
        address = null!;
        rest = string.Empty;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }

        var protocol = text[..schemeEnd];
        var start = schemeEnd + 3;
        var slash = text.IndexOf('/', start);
        var authority = slash < 0 ? text[start..] : text[start..slash];
        rest = slash < 0 ? string.Empty : text[slash..];
        var at = authority.IndexOf('@');
        if (at < 0)
        {
            if (!IsValidSystemName(authority))
            {
                return false;
            }

            address = new Address(protocol, authority);
            return true;
        }

        var system = authority[..at];
        var hostPort = authority[(at + 1)..];
        if (!IsValidSystemName(system) || hostPort.Length == 0)
        {
            return false;
        }

        int? port = null;
        var colon = hostPort.LastIndexOf(':');
        var host = hostPort;
        if (colon > 0 && hostPort[0] != '[' || colon > 0 && hostPort.IndexOf(']') < colon)
        {
            if (!int.TryParse(hostPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 65535)
            {
                return false;
            }

            port = p;
            host = hostPort[..colon];
        }

        address = new Address(protocol, system, Uri.UnescapeDataString(host), port);
        return true;
    }

    internal static bool IsValidSystemName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(Address? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            Protocol == other.Protocol && System == other.System && Host == other.Host && Port == other.Port);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Address);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Protocol, System, Host, Port);

    /// <summary>The string form, e.g. <c>actorproc.tcp://sys@host:1234</c>.</summary>
    public override string ToString()
    {
        if (_text is not null)
        {
            return _text;
        }

        var sb = new StringBuilder(Protocol).Append("://").Append(System);
        if (Host is not null)
        {
            sb.Append('@').Append(Host.Contains('/') ? Uri.EscapeDataString(Host) : Host);
            if (Port is not null)
            {
                sb.Append(':').Append(Port.Value.ToString(CultureInfo.InvariantCulture));
            }
        }

        return _text = sb.ToString();
    }

    /// <summary>Equality operator.</summary>
    public static bool operator ==(Address? left, Address? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(Address? left, Address? right) => !(left == right);
}
