using System.Diagnostics;

namespace ActorProc.Actors;

/// <summary>
/// Receive-timeout bookkeeping without a timer per message: each message only stamps the time; one scheduled
/// tick checks the stamp and either delivers <see cref="ReceiveTimeout"/> or sleeps for the rest.
/// </summary>
internal sealed class ReceiveTimeoutState
{
    private TimeSpan? _timeout;
    private long _lastActivity;
    private int _generation;
    private ICancelable? _tick;

    public TimeSpan? Timeout => _timeout;

    public void Set(TimeSpan? timeout, ActorCell cell)
    {
        _tick?.Cancel();
        _tick = null;
        _generation++;
        _timeout = timeout is { } t && t > TimeSpan.Zero && t != System.Threading.Timeout.InfiniteTimeSpan ? t : null;
        if (_timeout is { } due)
        {
            _lastActivity = Stopwatch.GetTimestamp();
            Schedule(due, cell);
        }
    }

    public void Touch()
    {
        if (_timeout is not null)
        {
            _lastActivity = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Handles a tick; returns true when the actor should now get <see cref="ReceiveTimeout"/>.</summary>
    public bool OnTick(ReceiveTimeoutTick tick, ActorCell cell)
    {
        if (tick.Generation != _generation || _timeout is not { } timeout)
        {
            return false;
        }

        var idle = Stopwatch.GetElapsedTime(_lastActivity);
        if (idle >= timeout)
        {
            _lastActivity = Stopwatch.GetTimestamp();
            Schedule(timeout, cell);
            return true;
        }

        Schedule(timeout - idle, cell);
        return false;
    }

    public void Cancel()
    {
        _tick?.Cancel();
        _tick = null;
        _timeout = null;
        _generation++;
    }

    private void Schedule(TimeSpan delay, ActorCell cell) =>
        _tick = cell.System.Scheduler.ScheduleTellOnce(delay, cell.SelfRef, new ReceiveTimeoutTick(_generation), null);
}
