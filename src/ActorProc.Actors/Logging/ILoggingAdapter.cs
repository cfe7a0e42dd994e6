using Microsoft.Extensions.Logging;

namespace ActorProc.Actors;

/// <summary>
/// An actor's logger (<c>Context.GetLogger()</c>). Messages use Microsoft.Extensions.Logging templates
/// (<c>"got {Count} items"</c>) and go to the actor system's <see cref="ILoggerFactory"/> with the actor's path.
/// </summary>
public interface ILoggingAdapter
{
    /// <summary>True when events of this level are written.</summary>
    bool IsEnabled(LogLevel level);

    /// <summary>Writes an event.</summary>
    void Log(LogLevel level, Exception? exception, string template, params object?[] args);

    /// <summary>Writes a debug event.</summary>
    void Debug(string template, params object?[] args) => Log(LogLevel.Debug, null, template, args);

    /// <summary>Writes an information event.</summary>
    void Info(string template, params object?[] args) => Log(LogLevel.Information, null, template, args);

    /// <summary>Writes a warning.</summary>
    void Warning(string template, params object?[] args) => Log(LogLevel.Warning, null, template, args);

    /// <summary>Writes an error.</summary>
    void Error(string template, params object?[] args) => Log(LogLevel.Error, null, template, args);

    /// <summary>Writes an error with its exception.</summary>
    void Error(Exception exception, string template, params object?[] args) => Log(LogLevel.Error, exception, template, args);
}
