using System.Collections.Concurrent;

namespace ActorProc.Actors;

/// <summary>
/// The scheduler, on top of the runtime's timer queue (<see cref="ITimer"/>), which is per-core and O(1) to
/// add and remove. Live items are tracked so that shutting the system down cancels them all.
/// </summary>
internal sealed class TimerScheduler : IScheduler, IDisposable
{
    private readonly ConcurrentDictionary<ScheduledItem, byte> _live = new();
    private readonly Action<Exception> _onError;
    private readonly TimeProvider _time;
    private volatile bool _disposed;

    public TimerScheduler(TimeProvider time, Action<Exception> onError)
    {
        _time = time;
        _onError = onError;
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Schedule(delay, null, new TellWork(receiver, message, sender));
    }

    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Schedule(initialDelay, CheckInterval(interval), new TellWork(receiver, message, sender));
    }

    public ICancelable ScheduleOnce(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Schedule(delay, null, new ActionWork(action));
    }

    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Schedule(initialDelay, CheckInterval(interval), new ActionWork(action));
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var item in _live.Keys)
        {
            item.Cancel();
        }
    }

    private static TimeSpan CheckInterval(TimeSpan interval) =>
        interval > TimeSpan.Zero && interval != Timeout.InfiniteTimeSpan
            ? interval
            : throw new ArgumentOutOfRangeException(nameof(interval), interval, "A repeat interval must be positive and finite.");

    private ScheduledItem Schedule(TimeSpan delay, TimeSpan? interval, IWork work)
    {
        if (delay < TimeSpan.Zero)
        {
            delay = TimeSpan.Zero;
        }

        var item = new ScheduledItem(this, work, interval is not null);
        if (_disposed)
        {
            item.Cancel();
            return item;
        }

        _live.TryAdd(item, 0);
        item.Start(_time, delay, interval ?? Timeout.InfiniteTimeSpan);
        if (_disposed)
        {
            item.Cancel();
        }

        return item;
    }

    private interface IWork
    {
        void Run();
    }

    private sealed class TellWork(IActorRef receiver, object message, IActorRef? sender) : IWork
    {
        public void Run() => receiver.Tell(message, sender);
    }

    private sealed class ActionWork(Action action) : IWork
    {
        public void Run() => action();
    }

    private sealed class ScheduledItem(TimerScheduler owner, IWork work, bool repeating) : ICancelable
    {
        private ITimer? _timer;
        private int _cancelled;

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

        public void Start(TimeProvider time, TimeSpan due, TimeSpan period)
        {
            var timer = time.CreateTimer(static s => ((ScheduledItem)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _timer = timer;
            if (IsCancellationRequested)
            {
                timer.Dispose();
                return;
            }

            timer.Change(due, period);
        }

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) == 0)
            {
                _timer?.Dispose();
                owner._live.TryRemove(this, out _);
            }
        }

        private void Fire()
        {
            if (IsCancellationRequested)
            {
                return;
            }

            if (!repeating)
            {
                Cancel();
            }

            try
            {
                work.Run();
            }
            catch (Exception e)
            {
                owner._onError(e);
            }
        }
    }
}
