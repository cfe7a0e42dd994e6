using Microsoft.Extensions.Logging;

namespace ActorProc.Actors;

/// <summary>
/// Where every log event of a system goes: first through interceptors (the TestKit's event filters, which may
/// mute an event), then to the <see cref="ILoggerFactory"/> (one logger per log class) and the event stream.
/// </summary>
internal sealed class LoggingBus
{
    private readonly ILoggerFactory _factory;
    private readonly EventStream _eventStream;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, ILogger> _loggers = new();
    private readonly Lock _gate = new();
    private Func<LogEvent, bool>[] _interceptors = [];

    public LoggingBus(ILoggerFactory factory, EventStream eventStream, LogLevel minimumLevel)
    {
        _factory = factory;
        _eventStream = eventStream;
        MinimumLevel = minimumLevel;
    }

    public LogLevel MinimumLevel { get; }

    public bool IsEnabled(LogLevel level) => level >= MinimumLevel && level != LogLevel.None;

    public IDisposable AddInterceptor(Func<LogEvent, bool> interceptor)
    {
        lock (_gate)
        {
            _interceptors = [.. _interceptors, interceptor];
        }

        return new Removal(this, interceptor);
    }

    public void Emit(LogEvent logEvent, string template, object?[]? args)
    {
        foreach (var interceptor in Volatile.Read(ref _interceptors))
        {
            if (interceptor(logEvent))
            {
                return;
            }
        }

        var logger = _loggers.GetOrAdd(logEvent.LogClass, static (t, f) => f.CreateLogger(t.FullName ?? t.Name), _factory);
        if (logger.IsEnabled(logEvent.Level))
        {
            using (logger.BeginScope(new ActorPathScope(logEvent.LogSource)))
            {
                logger.Log(logEvent.Level, logEvent.Cause, "[{ActorPath}] " + template, [logEvent.LogSource, .. args ?? []]);
            }
        }

        _eventStream.Publish(logEvent);
    }

    private void Remove(Func<LogEvent, bool> interceptor)
    {
        lock (_gate)
        {
            _interceptors = _interceptors.Where(i => i != interceptor).ToArray();
        }
    }

    private sealed class Removal(LoggingBus bus, Func<LogEvent, bool> interceptor) : IDisposable
    {
        public void Dispose() => bus.Remove(interceptor);
    }
}
