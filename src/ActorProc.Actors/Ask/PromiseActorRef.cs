using ActorProc.Actors.Dispatch;

namespace ActorProc.Actors;

/// <summary>
/// The temporary sender of an ask: the first message it gets completes the task (a
/// <see cref="Status.Failure"/> faults it), and a timer fails it with <see cref="AskTimeoutException"/>.
/// Its path is made (and registered under <c>/temp</c>) only when someone asks for it, so a local ask that
/// never crosses the network pays nothing for it.
/// </summary>
internal sealed class PromiseActorRef<T> : InternalActorRef
{
    private readonly TaskCompletionSource<T> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TempContainer? _temp;
    private readonly IActorRef _target;
    private ActorPath? _path;
    private ITimer? _timer;
    private CancellationTokenRegistration _cancellation;

    public PromiseActorRef(TempContainer? temp, IActorRef target)
    {
        _temp = temp;
        _target = target;
    }

    public Task<T> Task => _promise.Task;

    public override ActorPath Path
    {
        get
        {
            if (_path is not null)
            {
                return _path;
            }

            if (_temp is null)
            {
                return _path = new RootActorPath(Address.Local("ask")).Child("temp").Child("$promise");
            }

            _path = _temp.NewTempPath();
            if (!_promise.Task.IsCompleted)
            {
                _temp.Add(this);
            }

            return _path;
        }
    }

    public override InternalActorRef? Parent => _temp;

    public override bool IsTerminated => _promise.Task.IsCompleted;

    public override ActorSystem? OwnerSystem => _temp?.OwnerSystem;

    public void Start(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (timeout is { } t && t != Timeout.InfiniteTimeSpan)
        {
            if (t <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(timeout), t, "An ask timeout must be positive (or null to wait without limit).");
            }

            _timer = TimeProvider.System.CreateTimer(static s => ((PromiseActorRef<T>)s!).TimedOut(), this, t, Timeout.InfiniteTimeSpan);
        }

        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static (s, ct) =>
            {
                var self = (PromiseActorRef<T>)s!;
                if (self._promise.TrySetCanceled(ct))
                {
                    self.Cleanup();
                }
            }, this);
        }
    }

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        var completed = message switch
        {
            Status.Failure failure => _promise.TrySetException(failure.Cause),
            T value => _promise.TrySetResult(value),
            Status.Success { Value: T value } => _promise.TrySetResult(value),
            _ => _promise.TrySetException(new InvalidCastException(
                $"Ask to {_target.Path} expected a reply of type {typeof(T).Name} but got {message.GetType().Name}: {message}")),
        };
        if (completed)
        {
            Cleanup();
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch && _promise.Task.IsCompleted)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true, addressTerminated: false));
        }
    }

    private void TimedOut()
    {
        if (_promise.TrySetException(new AskTimeoutException($"Ask to {_target.Path} timed out: no reply within the timeout.")))
        {
            Cleanup();
        }
    }

    private void Cleanup()
    {
        _timer?.Dispose();
        _cancellation.Dispose();
        if (_path is not null)
        {
            _temp?.Remove(this);
        }
    }
}
