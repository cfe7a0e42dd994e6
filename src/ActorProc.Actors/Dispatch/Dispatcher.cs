using System.Diagnostics;

namespace ActorProc.Actors.Dispatch;

/// <summary>
/// Runs mailboxes on the .NET thread pool as <see cref="IThreadPoolWorkItem"/>s (no delegate or closure per
/// scheduling). <see cref="Throughput"/> bounds how many messages one actor processes before yielding the
/// thread to others; the optional deadline bounds the time.
/// </summary>
internal sealed class Dispatcher
{
    public Dispatcher(string id, int throughput, TimeSpan throughputDeadline)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(throughput);
        Id = id;
        Throughput = throughput;
        ThroughputDeadlineTicks = throughputDeadline <= TimeSpan.Zero ? 0 : (long)(throughputDeadline.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>The dispatcher's configuration id.</summary>
    public string Id { get; }

    /// <summary>Messages per actor per scheduling.</summary>
    public int Throughput { get; }

    /// <summary>Time budget per scheduling in Stopwatch ticks; 0 for none.</summary>
    public long ThroughputDeadlineTicks { get; }

    public void Schedule(Mailbox mailbox) => ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: true);
}
