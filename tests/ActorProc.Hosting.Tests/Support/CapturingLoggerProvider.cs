using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActorProc.Hosting.Tests.Support;

/// <summary>One event as a logger provider saw it: with the scopes around it and its state's properties.</summary>
public sealed record CapturedLog(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    Exception? Exception,
    IReadOnlyList<object?> Scopes,
    IReadOnlyList<KeyValuePair<string, object?>> Properties)
{
    /// <summary>The value of property <paramref name="name"/> of a scope, or null.</summary>
    public object? ScopeValue(string name) =>
        Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s).FirstOrDefault(p => p.Key == name).Value;

    /// <summary>The value of the state's property <paramref name="name"/>, or null.</summary>
    public object? Property(string name) => Properties.FirstOrDefault(p => p.Key == name).Value;
}

/// <summary>Keeps every event the host logs, with its scopes (the factory hands this provider its scope provider).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Logs => [.. _logs];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>Waits until an event matches (for events that are not tied to a process's end).</summary>
    public CapturedLog WaitFor(Func<CapturedLog, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (Logs.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No matching log event; logged:" + Environment.NewLine + string.Join(Environment.NewLine, Logs.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
            }

            Thread.Sleep(10);
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object?>();
            provider._scopes.ForEachScope(static (scope, list) => list.Add(scope), scopes);
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToList() : [];
            provider._logs.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), exception, scopes, properties));
        }
    }
}
