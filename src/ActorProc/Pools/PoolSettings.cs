using ActorProc.Configuration;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>The <c>actorproc.pool</c> settings (see hocon/actorproc.conf).</summary>
internal sealed record PoolSettings(
    int ImapReadAhead,
    int MinInFlight,
    int MaxInFlight,
    TimeSpan QueuedWork,
    int MaxBatchBytes,
    int MaxBatchResults,
    TimeSpan ResultFlushDelay,
    TimeSpan RestartBackoff,
    int MaxPayloadBytes)
{
    /// <summary>Reads the settings from a full configuration (with the reference fallback applied).</summary>
    /// <exception cref="ConfigException">A value is missing or out of range.</exception>
    public static PoolSettings FromConfig(Config config)
    {
        var section = config.GetConfig("actorproc.pool");
        int readAhead = Positive(section.GetInt("imap-read-ahead"), "imap-read-ahead");
        int minInFlight = Positive(section.GetInt("min-in-flight-per-worker"), "min-in-flight-per-worker");
        int maxInFlight = Positive(section.GetInt("max-in-flight-per-worker"), "max-in-flight-per-worker");
        if (maxInFlight < minInFlight)
        {
            throw new ConfigException($"actorproc.pool.max-in-flight-per-worker ({maxInFlight}) must not be below min-in-flight-per-worker ({minInFlight}).");
        }

        long frame = config.GetBytes("actorproc.remote.maximum-frame-size");
        long batchBytes = section.GetBytes("max-batch-bytes");
        if (batchBytes <= 0 || batchBytes > frame / 2)
        {
            throw new ConfigException($"actorproc.pool.max-batch-bytes must be above 0 and at most half of actorproc.remote.maximum-frame-size ({frame} bytes), not {batchBytes}.");
        }

        return new PoolSettings(
            readAhead,
            minInFlight,
            maxInFlight,
            section.GetTimeSpan("queued-work-per-worker", allowInfinite: false),
            (int)batchBytes,
            Positive(section.GetInt("max-batch-results"), "max-batch-results"),
            section.GetTimeSpan("result-flush-delay", allowInfinite: false),
            section.GetTimeSpan("worker-restart-backoff", allowInfinite: false),
            // Room for the envelope and the other fields of the message that carries one payload.
            (int)Math.Min(int.MaxValue, frame - 64 * 1024));
    }

    private static int Positive(int value, string key) =>
        value > 0 ? value : throw new ConfigException($"actorproc.pool.{key} must be 1 or more, not {value}.");
}
