using System.Diagnostics;

namespace ActorProc.Actors;

/// <summary>A child as its parent sees it: the ref and the restart count used by supervisor strategies.</summary>
public sealed class ChildRestartStats
{
    private int _retries;
    private long _windowStart;

    internal ChildRestartStats(IActorRef child) => Child = child;

    /// <summary>The child.</summary>
    public IActorRef Child { get; }

    /// <summary>Restarts counted in the current window.</summary>
    public int RetriesInWindow => _retries;

    /// <summary>True once the parent has asked the child to stop.</summary>
    internal bool Stopping { get; set; }

    /// <summary>
    /// Asks for one more restart. <paramref name="maxNrOfRetries"/> &lt; 0 means no limit; 0 means never.
    /// With a window, the count starts again when the window since the first counted restart has passed.
    /// </summary>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? withinTimeRange)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }

        var hasWindow = withinTimeRange is { } w && w > TimeSpan.Zero && w != Timeout.InfiniteTimeSpan;
        if (maxNrOfRetries < 0 && !hasWindow)
        {
            return true;
        }

        var limit = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        if (!hasWindow)
        {
            _retries++;
            return _retries <= limit;
        }

        var now = Stopwatch.GetTimestamp();
        if (_windowStart == 0 || Stopwatch.GetElapsedTime(_windowStart, now) > withinTimeRange!.Value)
        {
            _windowStart = now;
            _retries = 1;
            return true;
        }

        _retries++;
        return _retries <= limit;
    }
}
