using Microsoft.Extensions.Logging;

namespace ActorProc.Multiprocessing.Logging;

/// <summary>A child's logger: formats each enabled event and queues it on the <see cref="LogForwarder"/>. Scopes are not forwarded.</summary>
internal sealed class ForwardingLogger(LogForwarder forwarder, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => forwarder.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!forwarder.IsEnabled(logLevel))
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(formatter);
        forwarder.Post(LogRecord.Create(category, logLevel, eventId, state, exception, formatter(state, exception)));
    }
}
