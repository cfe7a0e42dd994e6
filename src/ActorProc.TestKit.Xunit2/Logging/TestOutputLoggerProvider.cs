using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ActorProc.TestKit.Xunit2;

/// <summary>Writes log events to xunit's <see cref="ITestOutputHelper"/>, so each test shows its own actor logs.</summary>
public sealed class TestOutputLoggerProvider(ITestOutputHelper output) : ILoggerProvider
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new TestOutputLogger(output, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class TestOutputLogger(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"[{DateTime.UtcNow:HH:mm:ss.fff}] [{logLevel}] [{category}] {formatter(state, exception)}";
            if (exception is not null)
            {
                line += Environment.NewLine + exception;
            }

            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // The test has finished: xunit no longer accepts output for it.
            }
        }
    }
}
