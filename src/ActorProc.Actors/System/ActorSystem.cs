using System.Collections.Concurrent;
using ActorProc.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorProc.Actors;

/// <summary>
/// A hierarchy of actors with its scheduler, event stream and dead letters. Create one per process (or per
/// test) with <see cref="Create(string, string?, ILoggerFactory?)"/>, create top-level actors
/// with <see cref="ActorOf"/>, and end it with <see cref="Terminate"/>, which stops all actors children
/// first and completes <see cref="WhenTerminated"/>.
/// </summary>
public sealed class ActorSystem : IActorRefFactory, IDisposable, IAsyncDisposable
{
    private readonly TaskCompletionSource _whenTerminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _userStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _systemStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<(ShutdownPhase Phase, string Name, Func<CancellationToken, Task> Task)> _shutdownTasks = new();
    private readonly ConcurrentQueue<Action> _onTermination = new();
    private readonly ConcurrentDictionary<Type, object> _extensions = new();
    private readonly TimerScheduler _scheduler;
    private readonly LoggingBus _logging;
    private int _terminating;

    private ActorSystem(string name, ActorSystemSettings settings, ILoggerFactory loggerFactory)
    {
        Name = name;
        Settings = settings;
        LoggerFactory = loggerFactory;
        StartTime = DateTimeOffset.UtcNow;
        EventStream = new EventStream();
        _logging = new LoggingBus(loggerFactory, EventStream, settings.LogLevel);
        Log = GetLogger($"{Address.LocalProtocol}://{name}", typeof(ActorSystem));
        _scheduler = new TimerScheduler(TimeProvider.System, e => Log.Error(e, "A scheduled action threw {Type}: {Message}", e.GetType().Name, e.Message));
        Provider = new LocalActorRefProvider(this);
        Provider.Start();
    }

    /// <summary>The system's name (letters, digits, '-', '_', '.').</summary>
    public string Name { get; }

    /// <summary>The settings.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>Where log events go.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The system's own logger.</summary>
    public ILoggingAdapter Log { get; }

    /// <summary>The scheduler.</summary>
    public IScheduler Scheduler => _scheduler;

    /// <summary>The publish/subscribe bus.</summary>
    public EventStream EventStream { get; }

    /// <summary>The dead-letter ref: undeliverable messages end here.</summary>
    public IActorRef DeadLetters => Provider.DeadLetters;

    /// <summary>The address actors of this system are reachable at (local until remoting is enabled).</summary>
    public Address Address => Provider.LocalAddress;

    /// <summary>When the system started.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>How long it has been running.</summary>
    public TimeSpan Uptime => DateTimeOffset.UtcNow - StartTime;

    /// <summary>Completes once the system has terminated.</summary>
    public Task WhenTerminated => _whenTerminated.Task;

    /// <summary>True once <see cref="Terminate"/> has begun.</summary>
    public bool IsTerminating => Volatile.Read(ref _terminating) != 0;

    internal LocalActorRefProvider Provider { get; }

    /// <summary>Creates and starts an actor system configured by HOCON text (over the reference defaults).</summary>
    /// <param name="name">The name; letters, digits, '-', '_' and '.'.</param>
    /// <param name="config">HOCON text, or null for the defaults.</param>
    /// <param name="loggerFactory">Where logs go; null for none.</param>
    /// <exception cref="HoconParseException">The HOCON is malformed (line and column in the message).</exception>
    /// <exception cref="ConfigException">A setting has an invalid value.</exception>
    public static ActorSystem Create(string name, string? config = null, ILoggerFactory? loggerFactory = null) =>
        Create(name, ActorSystemSettings.FromConfig(ReferenceConfig.WithDefaults(config)), loggerFactory);

    /// <summary>Creates and starts an actor system from a parsed configuration.</summary>
    public static ActorSystem Create(string name, Config config, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Create(name, ActorSystemSettings.FromConfig(config), loggerFactory);
    }

    /// <summary>Creates and starts an actor system.</summary>
    /// <param name="name">The name; letters, digits, '-', '_' and '.'.</param>
    /// <param name="settings">Settings.</param>
    /// <param name="loggerFactory">Where logs go; null for none.</param>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    public static ActorSystem Create(string name, ActorSystemSettings settings, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Address.IsValidSystemName(name))
        {
            throw new ArgumentException($"Actor system name '{name}' is invalid: use letters, digits, '-', '_' and '.'.", nameof(name));
        }

        ArgumentNullException.ThrowIfNull(settings);
        return new ActorSystem(name, settings, loggerFactory ?? NullLoggerFactory.Instance);
    }

    /// <inheritdoc />
    public IActorRef ActorOf(Props props, string? name = null)
    {
        ThrowIfTerminating();
        return Provider.UserGuardian.Cell.ActorOf(props, name);
    }

    /// <summary>Creates an actor under <c>/system</c> (for runtime components and extensions).</summary>
    public IActorRef SystemActorOf(Props props, string? name = null)
    {
        ThrowIfTerminating();
        return Provider.SystemGuardian.Cell.ActorOf(props, name);
    }

    /// <inheritdoc />
    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Parse(this, Provider.UserGuardian, path);

    /// <inheritdoc />
    public ActorSelection ActorSelection(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Actors.ActorSelection.Parse(this, Provider.UserGuardian, path.ToString());
    }

    /// <summary>Resolves a full path to a ref (a ref that dead-letters when nothing lives there).</summary>
    public IActorRef ResolveActorRef(ActorPath path) => Provider.ResolveActorRef(path);

    /// <summary>Stops an actor asynchronously (children first).</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is LocalActorRef { Parent: LocalActorRef parent })
        {
            parent.Cell.Stop(actor);
        }
        else
        {
            ((InternalActorRef)actor).Stop();
        }
    }

    /// <summary>A logger for code outside actors.</summary>
    public ILoggingAdapter GetLogger(string logSource, Type logClass) => new LoggingAdapter(_logging, logSource, logClass);

    /// <summary>
    /// Registers a filter that sees every log event first and mutes it by returning true (used by the
    /// TestKit's event filters). Dispose the result to remove it.
    /// </summary>
    public IDisposable InterceptLogEvents(Func<LogEvent, bool> interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        return _logging.AddInterceptor(interceptor);
    }

    /// <summary>Returns the extension of type <typeparamref name="T"/>, creating it once with <paramref name="factory"/>.</summary>
    public T GetOrAddExtension<T>(Func<ActorSystem, T> factory)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        return (T)_extensions.GetOrAdd(typeof(T), static (_, s) => s.factory(s.system), (factory, system: this));
    }

    /// <summary>Returns the extension of type <typeparamref name="T"/>, or null.</summary>
    public T? GetExtension<T>()
        where T : class => _extensions.TryGetValue(typeof(T), out var e) ? (T)e : null;

    /// <summary>Adds a task to a shutdown phase; it gets a token cancelled after the phase timeout.</summary>
    public void AddShutdownTask(ShutdownPhase phase, string name, Func<CancellationToken, Task> task)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(task);
        _shutdownTasks.Enqueue((phase, name, task));
    }

    /// <summary>Runs <paramref name="callback"/> after the system has terminated (or at once if it has).</summary>
    public void RegisterOnTermination(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (WhenTerminated.IsCompleted)
        {
            callback();
            return;
        }

        _onTermination.Enqueue(callback);
    }

    /// <summary>
    /// Ends the system in order: shutdown tasks of <see cref="ShutdownPhase.BeforeUserStop"/>; <c>/user</c> and
    /// every actor under it (children before parents, each <c>PostStop</c> run); tasks of
    /// <see cref="ShutdownPhase.BeforeSystemStop"/>; <c>/system</c>; tasks of
    /// <see cref="ShutdownPhase.AfterSystemStop"/>; termination callbacks. Idempotent.
    /// </summary>
    public Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            _ = RunTerminationAsync();
        }

        return WhenTerminated;
    }

    /// <inheritdoc />
    public void Dispose() => Terminate().GetAwaiter().GetResult();

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <inheritdoc />
    public override string ToString() => Address.ToString();

    internal void OnGuardianTerminated(IActorRef guardian)
    {
        if (guardian.Equals(Provider.UserGuardian))
        {
            _userStopped.TrySetResult();
            if (!IsTerminating)
            {
                Log.Warning("The user guardian stopped (an escalated failure reached it); terminating the actor system");
                _ = Terminate();
            }
        }
        else if (guardian.Equals(Provider.SystemGuardian))
        {
            _systemStopped.TrySetResult();
        }
    }

    private async Task RunTerminationAsync()
    {
        try
        {
            await RunPhaseAsync(ShutdownPhase.BeforeUserStop).ConfigureAwait(false);
            Provider.UserGuardian.Stop();
            await _userStopped.Task.ConfigureAwait(false);
            await RunPhaseAsync(ShutdownPhase.BeforeSystemStop).ConfigureAwait(false);
            Provider.SystemGuardian.Stop();
            await _systemStopped.Task.ConfigureAwait(false);
            Provider.RootGuardian.Stop();
            await Provider.RootSupervisor.RootStopped.ConfigureAwait(false);
            await RunPhaseAsync(ShutdownPhase.AfterSystemStop).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.Error(e, "Actor system termination failed: {Message}", e.Message);
        }
        finally
        {
            _scheduler.Dispose();
            while (_onTermination.TryDequeue(out var callback))
            {
                try
                {
                    callback();
                }
                catch (Exception e)
                {
                    Log.Error(e, "A termination callback threw {Type}: {Message}", e.GetType().Name, e.Message);
                }
            }

            _whenTerminated.TrySetResult();
        }
    }

    private async Task RunPhaseAsync(ShutdownPhase phase)
    {
        var tasks = _shutdownTasks.Where(t => t.Phase == phase).ToArray();
        if (tasks.Length == 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(Settings.ShutdownPhaseTimeout);
        var running = tasks.Select(async t =>
        {
            try
            {
                await t.Task(timeout.Token).WaitAsync(Settings.ShutdownPhaseTimeout).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Log.Warning("Shutdown task '{Name}' of phase {Phase} failed or timed out: {Message}", t.Name, phase, e.Message);
            }
        });
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private void ThrowIfTerminating()
    {
        if (IsTerminating)
        {
            throw new InvalidOperationException($"Actor system {Name} is terminating; no new actors can be created.");
        }
    }
}
