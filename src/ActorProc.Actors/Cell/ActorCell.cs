using ActorProc.Actors.Dispatch;
using Microsoft.Extensions.Logging;

namespace ActorProc.Actors;

/// <summary>
/// The runtime side of one actor: it owns the instance, the mailbox, the behavior stack, the children and
/// the death-watch state, and carries out the lifecycle (create, fail, suspend, resume, restart, stop).
/// Everything here runs on the actor's mailbox turn, one thread at a time, except the children registry
/// reads and <c>ActorOf</c>, which are thread-safe.
/// </summary>
internal sealed class ActorCell : IActorContext
{
    [ThreadStatic]
    private static ActorCell? _currentCell;

    private readonly BehaviorStack _behaviors = new();
    private readonly DeathWatch _deathWatch = new();
    private ReceiveTimeoutState? _receiveTimeout;
    private ActorBase? _actor;
    private Envelope _current;
    private SupervisorStrategy? _strategy;
    private ILoggingAdapter? _logger;
    private ActorStash? _stash;
    private ActorSynchronizationContext? _syncContext;
    private Envelope _asyncEnvelope;
    private object? _failedMessage;
    private Exception? _pendingRecreate;
    private int _suspendCount;
    private bool _asyncPending;
    private bool _failed;
    private volatile bool _terminating;
    private volatile bool _terminated;

    public ActorCell(ActorSystem system, LocalActorRef self, Props props, Mailbox mailbox, InternalActorRef parent)
    {
        System = system;
        SelfRef = self;
        Props = props;
        Mailbox = mailbox;
        ParentRef = parent;
        mailbox.SetActor(this);
    }

    /// <summary>The cell whose mailbox runs on this thread, if any.</summary>
    public static ActorCell? Current => _currentCell;

    public ActorSystem System { get; }

    public LocalActorRef SelfRef { get; }

    public InternalActorRef ParentRef { get; }

    public Props Props { get; }

    public Mailbox Mailbox { get; }

    public ChildrenRegistry Children { get; } = new();

    public bool IsTerminated => _terminated;

    public bool IsCreatingActor { get; private set; }

    public Envelope CurrentEnvelope => _current;

    /// <summary>Counts user-message invocations, so that the stash can tell two deliveries of one message instance apart.</summary>
    public long InvocationCount { get; private set; }

    public IActorRef Self => SelfRef;

    public IActorRef Sender => _current.Sender ?? System.DeadLetters;

    public IActorRef Parent => ParentRef;

    public TimeSpan? ReceiveTimeout => _receiveTimeout?.Timeout;

    public ILoggingAdapter Logger => _logger ??= System.GetLogger(SelfRef.Path.ToString(), _actor?.GetType() ?? Props.ActorType);

    /// <summary>User messages are processed only by a created, running, unsuspended actor not awaiting a task.</summary>
    public bool CanProcessUserMessages => _suspendCount == 0 && !_asyncPending && !_terminating && _actor is not null;

    public static ActorCell? Enter(ActorCell cell)
    {
        var previous = _currentCell;
        _currentCell = cell;
        return previous;
    }

    public static void Leave(ActorCell? previous) => _currentCell = previous;

    // ---- user messages -------------------------------------------------------------------------------

    public void Invoke(in Envelope envelope)
    {
        _current = envelope;
        InvocationCount++;
        var message = envelope.Message;
        try
        {
            if (message is IAutoReceivedMessage)
            {
                AutoReceive(message);
            }
            else if (message is Terminated terminated)
            {
                if (_deathWatch.ConsumeQueued(terminated.ActorRef))
                {
                    ReceiveMessage(message);
                }
            }
            else
            {
                ReceiveMessage(message);
                if (message is not INotInfluenceReceiveTimeout)
                {
                    _receiveTimeout?.Touch();
                }
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    private void ReceiveMessage(object message)
    {
        var behavior = _behaviors.Current;
        if (!(behavior is null ? _actor!.InvokeReceive(message) : behavior(message)))
        {
            _actor!.InvokeUnhandled(message);
        }
    }

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case PoisonPill:
                SelfRef.Stop();
                break;
            case Kill:
                throw new ActorKilledException($"Kill message received by {SelfRef.Path}.");
            case Identify identify:
                Sender.Tell(new ActorIdentity(identify.MessageId, SelfRef), SelfRef);
                break;
            case ReceiveTimeoutTick tick:
                if (_receiveTimeout?.OnTick(tick, this) == true)
                {
                    ReceiveMessage(Actors.ReceiveTimeout.Instance);
                }

                break;
            default:
                ReceiveMessage(message);
                break;
        }
    }

    public void PublishUnhandled(object message)
    {
        var unhandled = new UnhandledMessage(message, _current.Sender, SelfRef);
        System.EventStream.Publish(unhandled);
        if (System.Settings.LogUnhandled)
        {
            Log(LogLevel.Debug, null, unhandled.ToString());
        }
    }

    public void DeadLetter(in Envelope envelope)
    {
        if (envelope.Message is not null)
        {
            System.DeadLetters.Tell(new DeadLetter(envelope.Message, envelope.Sender, SelfRef), envelope.Sender);
        }
    }

    // ---- async handlers ------------------------------------------------------------------------------

    public void RunAsyncHandler<T>(Func<T, Task> handler, T message)
    {
        _syncContext ??= new ActorSynchronizationContext(this);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_syncContext);
        Task task;
        try
        {
            task = handler(message);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
            return;
        }

        _asyncPending = true;
        _asyncEnvelope = _current;
        task.ContinueWith(static (t, s) => ((LocalActorRef)s!).SendSystemMessage(new AsyncHandlerCompleted(t)), SelfRef,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void RunContinuation(RunContinuation continuation)
    {
        var saved = _current;
        _current = _asyncEnvelope;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_syncContext);
        try
        {
            continuation.Callback(continuation.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            _current = saved;
        }
    }

    private void CompleteAsync(Task task)
    {
        _asyncPending = false;
        _asyncEnvelope = default;
        if (task.IsFaulted)
        {
            var cause = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            HandleInvokeFailure(cause);
        }
        else if (task.IsCanceled)
        {
            HandleInvokeFailure(new TaskCanceledException(task));
        }
    }

    // ---- system messages -----------------------------------------------------------------------------

    public void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create:
                    CreateActor(null);
                    break;
                case Recreate recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case Suspend:
                    FaultSuspend();
                    break;
                case Resume resume:
                    FaultResume(resume.CausedByFailure);
                    break;
                case Terminate:
                    BeginTerminate();
                    break;
                case Watch watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification);
                    break;
                case Failed failed:
                    HandleChildFailure(failed);
                    break;
                case ChildTerminated childTerminated:
                    HandleChildTerminated(childTerminated.Child);
                    break;
                case RunContinuation continuation:
                    RunContinuation(continuation);
                    break;
                case AsyncHandlerCompleted completed:
                    CompleteAsync(completed.Task);
                    break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    /// <summary>System messages that reach an actor after it stopped: watchers learn at once that it is gone.</summary>
    public void SystemInvokeWhenDead(SystemMessage message)
    {
        if (message is Watch watch && !watch.Watcher.Equals(SelfRef))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(SelfRef, existenceConfirmed: true, addressTerminated: false));
        }
    }

    // ---- creation, failure, restart ------------------------------------------------------------------

    private void CreateActor(Exception? restartCause)
    {
        try
        {
            IsCreatingActor = true;
            ActorBase actor;
            try
            {
                actor = Props.NewActor();
            }
            finally
            {
                IsCreatingActor = false;
            }

            _actor = actor;
            _strategy = null;
            _behaviors.Reset();
            if (actor is IWithStash withStash)
            {
                _stash ??= new ActorStash(this);
                withStash.Stash = _stash;
            }

            if (restartCause is null)
            {
                actor.InvokePreStart();
            }
            else
            {
                actor.InvokePostRestart(restartCause);
            }
        }
        catch (Exception e)
        {
            var cause = e is ActorInitializationException ? e : new ActorInitializationException(SelfRef, $"Exception while creating actor {SelfRef.Path}: {e.Message}", e);
            HandleInvokeFailure(cause);
        }
    }

    private void HandleInvokeFailure(Exception cause)
    {
        if (_terminating)
        {
            Log(LogLevel.Error, cause, $"{cause.GetType().Name} while stopping: {cause.Message}");
            return;
        }

        if (_failed)
        {
            return;
        }

        _failed = true;
        _failedMessage = _current.Message;
        _suspendCount++;
        foreach (var child in Children.Children)
        {
            child.SendSystemMessage(new Suspend());
        }

        ParentRef.SendSystemMessage(new Failed(SelfRef, cause, SelfRef.Path.Uid));
    }

    private void FaultSuspend()
    {
        _suspendCount++;
        foreach (var child in Children.Children)
        {
            child.SendSystemMessage(new Suspend());
        }
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (_terminating)
        {
            return;
        }

        if (_suspendCount > 0)
        {
            _suspendCount--;
        }

        if (causedByFailure is not null)
        {
            _failed = false;
            _failedMessage = null;
        }

        foreach (var child in Children.Children)
        {
            child.SendSystemMessage(new Resume(null));
        }

        if (_actor is null && _suspendCount == 0)
        {
            // Resuming an actor whose creation failed leaves nothing to resume: create it.
            CreateActor(null);
        }
    }

    private void FaultRecreate(Exception cause)
    {
        if (_terminating)
        {
            return;
        }

        var failed = _actor;
        if (failed is not null)
        {
            try
            {
                _stash?.UnstashAll();
                failed.InvokePreRestart(cause, _failedMessage);
            }
            catch (Exception e)
            {
                Log(LogLevel.Error, e, $"PreRestart of {SelfRef.Path} threw {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                _actor = null;
                _behaviors.Reset();
                _receiveTimeout?.Cancel();
            }
        }

        if (Children.AnyStopping)
        {
            _pendingRecreate = cause;
        }
        else
        {
            FinishRecreate(cause);
        }
    }

    private void FinishRecreate(Exception cause)
    {
        _pendingRecreate = null;
        _failed = false;
        _failedMessage = null;
        _suspendCount = 0;
        var survivors = Children.Children.ToArray();
        CreateActor(cause);
        foreach (var survivor in survivors)
        {
            survivor.SendSystemMessage(new Recreate(cause));
        }
    }

    private void HandleChildFailure(Failed failed)
    {
        if (_terminating)
        {
            return;
        }

        var stats = Children.GetStats(failed.Child);
        if (stats is null || failed.Child.Path.Uid != failed.Uid)
        {
            return;
        }

        var strategy = _strategy ??= Props.SupervisorStrategy ?? _actor?.InvokeSupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;
        if (!strategy.HandleFailure(this, failed.Child, failed.Cause, stats, Children.Stats.ToArray()))
        {
            HandleInvokeFailure(failed.Cause);
        }
    }

    // ---- termination ---------------------------------------------------------------------------------

    private void BeginTerminate()
    {
        if (_terminating)
        {
            return;
        }

        _terminating = true;
        Interlocked.MemoryBarrier();
        _receiveTimeout?.Cancel();
        foreach (var child in Children.Children)
        {
            Stop(child);
        }

        if (Children.IsEmpty)
        {
            FinishTerminate();
        }
    }

    private void HandleChildTerminated(IActorRef child)
    {
        Children.Remove(child);
        if (_terminating)
        {
            if (Children.IsEmpty)
            {
                FinishTerminate();
            }
        }
        else if (_pendingRecreate is { } cause && !Children.AnyStopping)
        {
            FinishRecreate(cause);
        }
    }

    private void FinishTerminate()
    {
        if (_terminated)
        {
            return;
        }

        try
        {
            _actor?.InvokePostStop();
        }
        catch (Exception e)
        {
            Log(LogLevel.Error, e, $"PostStop of {SelfRef.Path} threw {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            _terminated = true;
            _actor = null;
            _behaviors.Reset();
            _stash?.DeadLetterAll();
            (ParentRef as LocalActorRef)?.Cell.Children.Remove(SelfRef);
            Mailbox.Close();
            foreach (var watcher in _deathWatch.WatchedBy)
            {
                ((InternalActorRef)watcher).SendSystemMessage(new DeathWatchNotification(SelfRef, existenceConfirmed: true, addressTerminated: false));
            }

            foreach (var watchee in _deathWatch.Watching)
            {
                ((InternalActorRef)watchee).SendSystemMessage(new Unwatch((InternalActorRef)watchee, SelfRef));
            }

            _deathWatch.Clear();
            ParentRef.SendSystemMessage(new ChildTerminated(SelfRef));
        }
    }

    // ---- death watch ---------------------------------------------------------------------------------

    private void AddWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        if (watchee.Equals(SelfRef) && !watcher.Equals(SelfRef))
        {
            _deathWatch.AddWatcher(watcher);
        }
    }

    private void RemoveWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        if (watchee.Equals(SelfRef))
        {
            _deathWatch.RemoveWatcher(watcher);
        }
    }

    private void WatchedActorTerminated(DeathWatchNotification notification)
    {
        var message = _deathWatch.OnWatcheeTerminated(notification.Actor, notification.ExistenceConfirmed, notification.AddressTerminated);
        if (message is not null && !_terminating)
        {
            SelfRef.Tell(message, notification.Actor);
        }
    }

    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    private IActorRef WatchCore(IActorRef subject, object? custom)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Equals(SelfRef) || subject is not InternalActorRef target)
        {
            return subject;
        }

        if (_deathWatch.StartWatching(subject, custom))
        {
            target.SendSystemMessage(new Watch(target, SelfRef));
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_deathWatch.StopWatching(subject) && subject is InternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(target, SelfRef));
        }

        return subject;
    }

    // ---- children and context ------------------------------------------------------------------------

    public IActorRef ActorOf(Props props, string? name = null) => System.Provider.ActorOf(this, props, name);

    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Parse(System, SelfRef, path);

    public ActorSelection ActorSelection(ActorPath path) => System.ActorSelection(path);

    public IEnumerable<IActorRef> GetChildren() => Children.Children;

    public IActorRef Child(string name) => Children.Get(name) ?? ActorRefs.Nobody;

    public void Stop(IActorRef child)
    {
        ArgumentNullException.ThrowIfNull(child);
        Children.MarkStopping(child);
        ((InternalActorRef)child).Stop();
    }

    /// <summary>Registers a new child unless this actor is already stopping, in which case the child is stopped at once.</summary>
    public void AfterChildCreated(InternalActorRef child)
    {
        Interlocked.MemoryBarrier();
        if (_terminating)
        {
            Stop(child);
        }
    }

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behaviors.Become(receive, discardOld: true);
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behaviors.Become(receive, discardOld: false);
    }

    public void UnbecomeStacked() => _behaviors.Unbecome();

    public void Unbecome() => _behaviors.Unbecome();

    public void SetReceiveTimeout(TimeSpan? timeout) => (_receiveTimeout ??= new ReceiveTimeoutState()).Set(timeout, this);

    // ---- logging -------------------------------------------------------------------------------------

    public void Log(LogLevel level, Exception? exception, string message) => LogAs(SelfRef.Path.ToString(), level, exception, message);

    public void LogAs(string source, LogLevel level, Exception? exception, string message) =>
        System.GetLogger(source, Props.ActorType).Log(level, exception, message.Replace("{", "{{").Replace("}", "}}"));
}
