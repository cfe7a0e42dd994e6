using Microsoft.Extensions.Logging;

namespace ActorProc.Actors;

/// <summary>Turns calls into <see cref="LogEvent"/>s for the system's <see cref="LoggingBus"/>.</summary>
internal sealed class LoggingAdapter(LoggingBus bus, string logSource, Type logClass) : ILoggingAdapter
{
    public bool IsEnabled(LogLevel level) => bus.IsEnabled(level);

    public void Log(LogLevel level, Exception? exception, string template, params object?[] args)
    {
        if (bus.IsEnabled(level))
        {
            bus.Emit(new LogEvent(level, logSource, logClass, LogTemplate.Format(template, args), exception), template, args);
        }
    }
}
