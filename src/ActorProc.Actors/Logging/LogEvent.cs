using Microsoft.Extensions.Logging;

namespace ActorProc.Actors;

/// <summary>A log event written by an actor or the runtime; also published on the event stream.</summary>
public sealed class LogEvent
{
    /// <summary>Creates the event.</summary>
    public LogEvent(LogLevel level, string logSource, Type logClass, string message, Exception? cause)
    {
        Level = level;
        LogSource = logSource;
        LogClass = logClass;
        Message = message;
        Cause = cause;
        Timestamp = DateTimeOffset.UtcNow;
        ThreadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>The level.</summary>
    public LogLevel Level { get; }

    /// <summary>Where it came from, usually an actor path.</summary>
    public string LogSource { get; }

    /// <summary>The type that logged.</summary>
    public Type LogClass { get; }

    /// <summary>The formatted message.</summary>
    public string Message { get; }

    /// <summary>The exception, if any.</summary>
    public Exception? Cause { get; }

    /// <summary>When it was logged.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The managed thread that logged it.</summary>
    public int ThreadId { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"[{Level}][{Timestamp:O}][Thread {ThreadId}][{LogSource}] {Message}" + (Cause is null ? string.Empty : Environment.NewLine + Cause);
}
