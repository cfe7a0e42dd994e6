using ActorProc.Actors;
using Microsoft.Extensions.Logging;

namespace ActorProc.TestKit.Xunit2;

/// <summary>Builds <see cref="EventFilter"/>s: <c>EventFilter.Exception&lt;MyError&gt;().ExpectOne(() =&gt; actor.Tell("boom"))</c>.</summary>
public sealed class EventFilterFactory
{
    private readonly ActorSystem _system;
    private readonly TestKitSettings _settings;

    internal EventFilterFactory(ActorSystem system, TestKitSettings settings)
    {
        _system = system;
        _settings = settings;
    }

    /// <summary>Events carrying an exception of type <typeparamref name="TException"/> (or a subclass).</summary>
    /// <param name="message">The exact message (of the event or its exception), or null for any.</param>
    /// <param name="contains">A part of the message, or null.</param>
    /// <param name="source">A part of the source (actor path), or null.</param>
    public EventFilter Exception<TException>(string? message = null, string? contains = null, string? source = null)
        where TException : Exception => Create(null, typeof(TException), message, contains, source, $"exception {typeof(TException).Name}");

    /// <summary>Error events.</summary>
    public EventFilter Error(string? message = null, string? contains = null, string? source = null) =>
        Create(LogLevel.Error, null, message, contains, source, "error");

    /// <summary>Warning events.</summary>
    public EventFilter Warning(string? message = null, string? contains = null, string? source = null) =>
        Create(LogLevel.Warning, null, message, contains, source, "warning");

    /// <summary>Information events.</summary>
    public EventFilter Info(string? message = null, string? contains = null, string? source = null) =>
        Create(LogLevel.Information, null, message, contains, source, "info");

    /// <summary>Debug events.</summary>
    public EventFilter Debug(string? message = null, string? contains = null, string? source = null) =>
        Create(LogLevel.Debug, null, message, contains, source, "debug");

    private EventFilter Create(LogLevel? level, Type? exceptionType, string? message, string? contains, string? source, string kind)
    {
        var description = kind + (message is null ? string.Empty : $" with message '{message}'") +
            (contains is null ? string.Empty : $" containing '{contains}'") + (source is null ? string.Empty : $" from '{source}'");
        return new EventFilter(_system, _settings, EventFilter.Build(level, exceptionType, message, contains, source), description);
    }
}
