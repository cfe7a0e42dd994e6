using System.Collections.Concurrent;
using ActorProc.Actors;
using Microsoft.Extensions.Logging;

namespace ActorProc.Multiprocessing.Logging;

/// <summary>
/// A child's side of log forwarding: the logger factory of the child's actor system (and of
/// <see cref="ProcessLogging.LoggerFactory"/>). A log call formats its event and queues it (lock-free); a
/// background actor (<see cref="LogForwarderActor"/>) sends what is queued to the parent in batches. Events wait
/// until the child runs a target and knows its name (<see cref="Begin"/>), so a spare's start-up events carry
/// the name of the process it becomes. At most <see cref="MaxPending"/> events wait; beyond that they are
/// dropped and counted, and a warning says how many.
/// </summary>
internal sealed class LogForwarder : ILoggerFactory, IChildLogTarget
{
    /// <summary>The most events waiting to be sent.</summary>
    public const int MaxPending = 10_000;

    private const int MaxBatch = 512;
    private const string Category = "ActorProc.Multiprocessing.Logging";

    private readonly ConcurrentQueue<LogRecord> _pending = new();
    private int _count;
    private int _dropped;
    private int _drainQueued;
    private int _minimumLevel;
    private IActorRef? _actor;
    private string? _name;

    /// <summary>The lowest level forwarded (the child's <c>actorproc.loglevel</c>).</summary>
    public LogLevel MinimumLevel
    {
        get => (LogLevel)Volatile.Read(ref _minimumLevel);
        set => Volatile.Write(ref _minimumLevel, (int)value);
    }

    /// <summary>True when events of <paramref name="level"/> are forwarded.</summary>
    public bool IsEnabled(LogLevel level) => level != LogLevel.None && level >= MinimumLevel;

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName)
    {
        ArgumentNullException.ThrowIfNull(categoryName);
        return new ForwardingLogger(this, categoryName);
    }

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("A child process forwards its log events to the root process; add logger providers to the root's logging.");

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>Starts the actor that sends batches to <paramref name="parent"/> (the parent's <c>/system/processes</c>).</summary>
    public void Attach(ActorSystem system, IActorRef parent, long token)
    {
        Volatile.Write(ref _actor, system.SystemActorOf(Props.Create(() => new LogForwarderActor(this, parent, token)), "log-forwarder"));
    }

    /// <summary>The child now runs process <paramref name="processName"/>: its events go out from now on.</summary>
    public void Begin(string processName)
    {
        Volatile.Write(ref _name, processName);
        RequestDrain();
    }

    /// <summary>Queues an event of this process (or, through <see cref="Write"/>, of a child of it).</summary>
    public void Post(LogRecord record)
    {
        if (Interlocked.Increment(ref _count) > MaxPending)
        {
            Interlocked.Decrement(ref _count);
            Interlocked.Increment(ref _dropped);
            return;
        }

        _pending.Enqueue(record);
        RequestDrain();
    }

    /// <summary>Events of this process's children: passed on to the parent with this process's own.</summary>
    public void Write(IReadOnlyList<LogRecord> records)
    {
        foreach (var record in records)
        {
            Post(record);
        }
    }

    /// <summary>Sends everything queued and waits until it is handed to the remoting (before the child's exit report).</summary>
    /// <exception cref="AggregateException">The actor did not answer in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void Flush(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _actor) is { } actor && Volatile.Read(ref _name) is not null)
        {
            actor.Ask<LogForwarderActor.Flushed>(LogForwarderActor.Flush.Instance, timeout, cancellationToken).Wait(cancellationToken);
        }
    }

    /// <summary>Called by the actor: the next batch (oldest first, named), or null when nothing is queued.</summary>
    internal LogRecord[]? TakeBatch()
    {
        // Cleared before taking, so an event queued from now on asks for another drain.
        Volatile.Write(ref _drainQueued, 0);
        var name = Volatile.Read(ref _name);
        if (name is null)
        {
            return null;
        }

        var batch = new List<LogRecord>(Math.Min(Volatile.Read(ref _count), MaxBatch) + 1);
        int dropped = Interlocked.Exchange(ref _dropped, 0);
        if (dropped > 0)
        {
            var message = $"{dropped} log events of this process were dropped: more than {MaxPending} waited to be sent to the parent process.";
            batch.Add(LogRecord.Create(Category, LogLevel.Warning, default, message, null, message) with { ProcessName = name });
        }

        while (batch.Count < MaxBatch && _pending.TryDequeue(out var record))
        {
            Interlocked.Decrement(ref _count);
            batch.Add(record.ProcessName is null ? record with { ProcessName = name } : record);
        }

        return batch.Count == 0 ? null : [.. batch];
    }

    private void RequestDrain()
    {
        if (Volatile.Read(ref _name) is not null && Volatile.Read(ref _actor) is { } actor && Interlocked.CompareExchange(ref _drainQueued, 1, 0) == 0)
        {
            actor.Tell(LogForwarderActor.Drain.Instance, ActorRefs.NoSender);
        }
    }
}
