using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ActorProc.Remote;

/// <summary>
/// The text form of a listening endpoint, as users write it: <c>tcp://host:port</c> (also plain <c>host:port</c>;
/// an IPv6 host in brackets, <c>tcp://[::1]:5000</c>) or <c>unix:/absolute/socket/path</c>.
/// </summary>
internal static class EndPointText
{
    private const string TcpScheme = "tcp://";
    private const string UnixScheme = "unix:";

    /// <summary>The text form of <paramref name="endPoint"/> (what <see cref="Parse"/> reads back).</summary>
    /// <exception cref="ArgumentException">Neither a TCP nor a Unix socket endpoint.</exception>
    public static string Format(EndPoint endPoint) => endPoint switch
    {
        IPEndPoint { AddressFamily: AddressFamily.InterNetworkV6 } ip => $"{TcpScheme}[{ip.Address}]:{ip.Port.ToString(CultureInfo.InvariantCulture)}",
        IPEndPoint ip => $"{TcpScheme}{ip.Address}:{ip.Port.ToString(CultureInfo.InvariantCulture)}",
        DnsEndPoint dns => $"{TcpScheme}{dns.Host}:{dns.Port.ToString(CultureInfo.InvariantCulture)}",
        UnixDomainSocketEndPoint unix => UnixScheme + unix,
        _ => throw new ArgumentException($"Endpoint {endPoint} is neither TCP nor a Unix socket.", nameof(endPoint)),
    };

    /// <summary>Reads <c>tcp://host:port</c>, <c>host:port</c> or <c>unix:/path</c> (<c>unix:///path</c> too).</summary>
    /// <exception cref="FormatException">The text is none of these; the message names it and the expected forms.</exception>
    public static EndPoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(UnixScheme, StringComparison.OrdinalIgnoreCase))
        {
            var path = text[UnixScheme.Length..];
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            if (path.Length == 0 || path[0] != '/')
            {
                throw Bad(text, "a Unix socket path must be absolute");
            }

            return new UnixDomainSocketEndPoint(path);
        }

        var hostPort = text.StartsWith(TcpScheme, StringComparison.OrdinalIgnoreCase) ? text[TcpScheme.Length..] : text;
        int colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || colon == hostPort.Length - 1)
        {
            throw Bad(text, "host and port are separated by ':'");
        }

        var host = hostPort[..colon];
        if (!int.TryParse(hostPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > IPEndPoint.MaxPort)
        {
            throw Bad(text, "the port must be a number from 0 to 65535");
        }

        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                ? new IPEndPoint(v6, port)
                : throw Bad(text, "the bracketed host is not an IPv6 address");
        }

        if (host.Contains(':') || host.Contains('/'))
        {
            throw Bad(text, "an IPv6 host goes in brackets, e.g. tcp://[::1]:5000");
        }

        return IPAddress.TryParse(host, out var ip) ? new IPEndPoint(ip, port) : new DnsEndPoint(host, port);
    }

    private static FormatException Bad(string text, string why) =>
        new($"'{text}' is not a listening address ({why}); use tcp://host:port, host:port or unix:/absolute/path.");
}
