using ActorProc.Configuration;

namespace ActorProc.Multiprocessing.Managers;

/// <summary>The <c>actorproc.manager</c> settings (see hocon/actorproc.conf).</summary>
internal sealed record ManagerSettings(TimeSpan StartTimeout, TimeSpan ConnectTimeout, TimeSpan ShutdownTimeout)
{
    /// <summary>Reads the settings from a full configuration (the reference defaults apply to missing keys).</summary>
    /// <exception cref="ConfigException">A value is not a positive duration.</exception>
    public static ManagerSettings FromConfig(Config config)
    {
        var section = config.GetConfig("actorproc.manager");
        return new ManagerSettings(
            Positive(section, "start-timeout", TimeSpan.FromSeconds(30)),
            Positive(section, "connect-timeout", TimeSpan.FromSeconds(10)),
            Positive(section, "shutdown-timeout", TimeSpan.FromSeconds(10)));
    }

    private static TimeSpan Positive(Config section, string key, TimeSpan fallback)
    {
        var value = section.GetTimeSpan(key, fallback, allowInfinite: false);
        return value > TimeSpan.Zero
            ? value
            : throw new ConfigException($"Setting 'actorproc.manager.{key}' = '{value}' is not valid: it must be positive.");
    }
}
