using ActorProc.Actors;
using ActorProc.Configuration;

namespace ActorProc.Remote;

/// <summary>The kind of socket a <see cref="RemoteExtension"/> listens on.</summary>
public enum RemoteTransportKind
{
    /// <summary>A Unix domain socket in a private directory (processes on one host).</summary>
    Unix,

    /// <summary>TCP (across hosts).</summary>
    Tcp,
}

/// <summary>Settings of actor remoting, read from <c>actorproc.remote</c>.</summary>
public sealed class RemoteSettings
{
    /// <summary>Unix socket or TCP (<c>transport</c>).</summary>
    public RemoteTransportKind Transport { get; init; } = RemoteTransportKind.Unix;

    /// <summary>The TCP host to bind and advertise (<c>hostname</c>).</summary>
    public string Hostname { get; init; } = "127.0.0.1";

    /// <summary>The TCP port, 0 for any free port (<c>port</c>).</summary>
    public int Port { get; init; }

    /// <summary>The largest frame sent or accepted (<c>maximum-frame-size</c>).</summary>
    public int MaximumFrameSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>The deadline of the authentication handshake (<c>handshake-timeout</c>).</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often each association sends a heartbeat (<c>heartbeat-interval</c>).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an association may receive nothing before its peer is declared dead (<c>acceptable-heartbeat-pause</c>).</summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a dead peer's address stays quarantined (<c>quarantine-duration</c>).</summary>
    public TimeSpan QuarantineDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Reads the settings of a system (its full configuration, <c>actorproc.remote</c>).</summary>
    public static RemoteSettings FromSystem(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return FromConfig(system.Settings.Config);
    }

    /// <summary>Reads <c>actorproc.remote</c> from a configuration (missing keys take the reference defaults).</summary>
    /// <exception cref="ConfigException">A setting has an invalid value; the message names the key.</exception>
    public static RemoteSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var remote = config.WithFallback(ReferenceConfig.Default).GetConfig("actorproc.remote");
        var transport = remote.GetString("transport", "unix").ToLowerInvariant() switch
        {
            "unix" => RemoteTransportKind.Unix,
            "tcp" => RemoteTransportKind.Tcp,
            var other => throw new ConfigException($"Setting 'actorproc.remote.transport' = '{other}' is not valid: use unix or tcp."),
        };
        var port = remote.GetInt("port", 0);
        if (port is < 0 or > 65535)
        {
            throw new ConfigException($"Setting 'actorproc.remote.port' = '{port}' is not valid: use 0 to 65535.");
        }

        var frame = remote.GetBytes("maximum-frame-size", 16 * 1024 * 1024);
        if (frame is < 1024 or > int.MaxValue)
        {
            throw new ConfigException($"Setting 'actorproc.remote.maximum-frame-size' = '{frame}' is not valid: use 1KiB to 2GiB.");
        }

        return new RemoteSettings
        {
            Transport = transport,
            Hostname = remote.GetString("hostname", "127.0.0.1"),
            Port = port,
            MaximumFrameSize = (int)frame,
            HandshakeTimeout = Positive(remote, "handshake-timeout", TimeSpan.FromSeconds(5)),
            HeartbeatInterval = Positive(remote, "heartbeat-interval", TimeSpan.FromSeconds(1)),
            AcceptableHeartbeatPause = Positive(remote, "acceptable-heartbeat-pause", TimeSpan.FromSeconds(20)),
            QuarantineDuration = Positive(remote, "quarantine-duration", TimeSpan.FromSeconds(60)),
        };
    }

    private static TimeSpan Positive(Config section, string key, TimeSpan fallback)
    {
        var value = section.GetTimeSpan(key, fallback, allowInfinite: false);
        return value > TimeSpan.Zero
            ? value
            : throw new ConfigException($"Setting 'actorproc.remote.{key}' = '{value}' is not valid: it must be positive.");
    }
}
