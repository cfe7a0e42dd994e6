using ActorProc.Actors;
using Microsoft.Extensions.Logging;

namespace ActorProc.Remote;

/// <summary>
/// Routes the transport's <see cref="ILogger"/> output into the actor system's log, so transport warnings
/// (a refused handshake, a faulted connection) are system log events that filters and subscribers see.
/// </summary>
internal sealed class SystemLogBridge(ActorSystem system) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new BridgeLogger(system.GetLogger(categoryName, typeof(RemoteExtension)));

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("Add logger providers to the actor system's logger factory.");

    public void Dispose()
    {
    }

    private sealed class BridgeLogger(ILoggingAdapter log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => log.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (log.IsEnabled(logLevel))
            {
                log.Log(logLevel, exception, "{Message}", formatter(state, exception));
            }
        }
    }
}
