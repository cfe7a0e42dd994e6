using Microsoft.Extensions.Logging;

namespace ActorProc.Multiprocessing.Logging;

/// <summary>
/// The root's side of log forwarding: writes the events children send to the root's <see cref="ILoggerFactory"/>,
/// each to the logger of its category, inside a scope naming the child (<see cref="ChildProcessScope"/>). The root's
/// filters apply as to its own events. Used by <c>/system/processes</c> only, so one thread at a time.
/// </summary>
internal sealed class ChildLogWriter(ILoggerFactory factory) : IChildLogTarget
{
    private static readonly Func<ForwardedLogState, Exception?, string> Format = static (state, _) => state.Message;
    private readonly Dictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public void Write(IReadOnlyList<LogRecord> records)
    {
        foreach (var record in records)
        {
            try
            {
                if (!_loggers.TryGetValue(record.Category, out var logger))
                {
                    logger = factory.CreateLogger(record.Category);
                    _loggers.Add(record.Category, logger);
                }

                if (!logger.IsEnabled(record.Level))
                {
                    continue;
                }

                using (logger.BeginScope(new ChildProcessScope(record.ProcessName ?? "unnamed", record.Pid)))
                {
                    var exception = record.ExceptionText is null ? null : new ForwardedException(record.ExceptionType, record.ExceptionMessage, record.ExceptionText);
                    logger.Log(record.Level, new EventId(record.EventId, record.EventName), new ForwardedLogState(record), exception, Format);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A failing logger provider must not take down the actor that manages the child processes.
                Console.Error.WriteLine($"[actorproc {Environment.ProcessId}] a log event of process {record.ProcessName} (pid {record.Pid}) could not be written: {e}");
            }
        }
    }
}
