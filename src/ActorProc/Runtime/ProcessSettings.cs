using ActorProc.Configuration;

namespace ActorProc.Multiprocessing.Runtime;

/// <summary>The <c>actorproc.process</c> settings (see hocon/actorproc.conf).</summary>
internal sealed record ProcessSettings(int Spares, TimeSpan SpareRefillDelay, IReadOnlyDictionary<string, string> ChildEnvironment, TimeSpan ExitFlushTimeout, TimeSpan DaemonTerminateTimeout, bool ForwardLogs, TimeSpan SyncSpin)
{
    /// <summary>Reads the settings from a full configuration (with the reference fallback applied).</summary>
    /// <exception cref="ConfigException">A value is missing or invalid.</exception>
    public static ProcessSettings FromConfig(Config config)
    {
        var section = config.GetConfig("actorproc.process");
        int spares = section.GetInt("spares");
        if (spares < 0)
        {
            throw new ConfigException($"actorproc.process.spares must be 0 or more, not {spares}.");
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var envSection = section.GetConfig("child-environment");
        foreach (var entry in envSection.AsEnumerable())
        {
            environment[entry.Key] = envSection.GetString(entry.Key);
        }

        var spin = config.GetTimeSpan("actorproc.sync.spin", allowInfinite: false);
        if (spin < TimeSpan.Zero || spin > TimeSpan.FromSeconds(1))
        {
            throw new ConfigException($"actorproc.sync.spin must be between 0s and 1s, not {spin}.");
        }

        return new ProcessSettings(
            spares,
            section.GetTimeSpan("spare-refill-delay", allowInfinite: false),
            environment,
            section.GetTimeSpan("exit-flush-timeout", allowInfinite: false),
            section.GetTimeSpan("daemon-terminate-timeout", allowInfinite: false),
            section.GetBoolean("forward-logs"),
            spin);
    }
}
