using ActorProc.Actors;
using Microsoft.Extensions.Logging;

namespace ActorProc.TestKit.Xunit2;

/// <summary>
/// Matches log events (by level, exception type, message and source). Use it to assert that a block
/// logs exactly the expected events (<see cref="ExpectOne(Action)"/>, <see cref="Expect(int, Action)"/>),
/// or to keep expected noise out of the test output (<see cref="Mute"/>). Matched events are muted.
/// </summary>
public sealed class EventFilter
{
    private readonly ActorSystem _system;
    private readonly TestKitSettings _settings;
    private readonly Predicate<LogEvent> _matches;
    private readonly string _description;

    internal EventFilter(ActorSystem system, TestKitSettings settings, Predicate<LogEvent> matches, string description)
    {
        _system = system;
        _settings = settings;
        _matches = matches;
        _description = description;
    }

    /// <summary>Runs <paramref name="action"/> and expects exactly one matching event.</summary>
    public void ExpectOne(Action action) => Expect(1, action);

    /// <summary>Runs <paramref name="function"/>, expects exactly one matching event, and returns the result.</summary>
    public T ExpectOne<T>(Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var result = default(T)!;
        Expect(1, () => result = function());
        return result;
    }

    /// <summary>
    /// Runs <paramref name="action"/> and waits (up to the filter leeway) for exactly
    /// <paramref name="occurrences"/> matching events; fails on fewer or more.
    /// </summary>
    public void Expect(int occurrences, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfNegative(occurrences);
        var count = 0;
        using (_system.InterceptLogEvents(e =>
        {
            if (!_matches(e))
            {
                return false;
            }

            Interlocked.Increment(ref count);
            return true;
        }))
        {
            action();
            var leeway = _settings.Dilated(_settings.FilterLeeway);
            var end = DateTime.UtcNow + leeway;
            while (Volatile.Read(ref count) < occurrences && DateTime.UtcNow < end)
            {
                Thread.Sleep(10);
            }

            if (occurrences == 0)
            {
                Thread.Sleep(_settings.Dilated(_settings.ExpectNoMessageDefault));
            }
        }

        var seen = Volatile.Read(ref count);
        if (seen != occurrences)
        {
            throw new TestKitAssertionException($"Expected {occurrences} event(s) matching {_description} but saw {seen}.");
        }
    }

    /// <summary>Mutes matching events until the result is disposed.</summary>
    public IDisposable Mute() => _system.InterceptLogEvents(e => _matches(e));

    internal static Predicate<LogEvent> Build(LogLevel? level, Type? exceptionType, string? message, string? contains, string? source) => e =>
        (level is null || e.Level == level) &&
        (exceptionType is null || exceptionType.IsInstanceOfType(e.Cause)) &&
        (message is null || e.Message == message || e.Cause?.Message == message) &&
        (contains is null || e.Message.Contains(contains, StringComparison.Ordinal) || e.Cause?.Message.Contains(contains, StringComparison.Ordinal) == true) &&
        (source is null || e.LogSource.Contains(source, StringComparison.Ordinal));
}
