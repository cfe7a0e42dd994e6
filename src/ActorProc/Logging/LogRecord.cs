using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ActorProc.Multiprocessing.Logging;

/// <summary>
/// One log event of a child process on its way to the root: what an <see cref="ILogger"/> call carried, with
/// the state's properties and the exception as text (the exception's type may not exist, or not be allowed,
/// in the receiving process).
/// </summary>
/// <param name="Category">The logger's category.</param>
/// <param name="Level">The <see cref="LogLevel"/>.</param>
/// <param name="EventId">The event id.</param>
/// <param name="EventName">The event name.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="PropertyNames">Names of the state's properties (<c>{OriginalFormat}</c> included).</param>
/// <param name="PropertyValues">Their values as invariant text.</param>
/// <param name="ExceptionType">The exception's full type name, or null.</param>
/// <param name="ExceptionMessage">The exception's message, or null.</param>
/// <param name="ExceptionText">The exception's <c>ToString()</c>, or null.</param>
/// <param name="Timestamp">When it was logged (UTC).</param>
/// <param name="ProcessName">The name of the process that logged it; null until its process knows its name.</param>
/// <param name="Pid">The pid of the process that logged it.</param>
internal sealed record LogRecord(
    string Category,
    LogLevel Level,
    int EventId,
    string? EventName,
    string Message,
    string[] PropertyNames,
    string?[] PropertyValues,
    string? ExceptionType,
    string? ExceptionMessage,
    string? ExceptionText,
    DateTime Timestamp,
    string? ProcessName,
    int Pid)
{
    /// <summary>The record of an <see cref="ILogger.Log{TState}"/> call in this process.</summary>
    public static LogRecord Create<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, string message)
    {
        string[] names = [];
        string?[] values = [];
        if (state is IReadOnlyList<KeyValuePair<string, object?>> properties && properties.Count > 0)
        {
            names = new string[properties.Count];
            values = new string?[properties.Count];
            for (int i = 0; i < properties.Count; i++)
            {
                var (name, value) = properties[i];
                names[i] = name;
                values[i] = value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
            }
        }

        return new LogRecord(
            category,
            level,
            eventId.Id,
            eventId.Name,
            message,
            names,
            values,
            exception?.GetType().FullName,
            exception?.Message,
            exception?.ToString(),
            DateTime.UtcNow,
            null,
            Environment.ProcessId);
    }
}
