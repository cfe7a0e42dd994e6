using System.Collections.Concurrent;
using System.Security.Cryptography;
using ActorProc.Actors;
using ActorProc.Configuration;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Launch;
using ActorProc.Multiprocessing.Logging;
using ActorProc.Multiprocessing.Processes;
using ActorProc.Multiprocessing.Protocol;
using ActorProc.Remote;
using ActorProc.Serialization;
using Microsoft.Extensions.Logging;

namespace ActorProc.Multiprocessing.Runtime;

/// <summary>
/// The process layer of this OS process: one actor system with remoting (started on first use), the
/// auth key shared by the whole process tree, <c>/system/processes</c>, the launcher and the spares, and
/// the children this process started. When its actor system terminates (a hosted root's stop), its
/// children are stopped in order and the next use starts a new runtime.
/// </summary>
internal sealed class ProcessRuntime
{
    private const string ConfigFileName = "actorproc.conf";
    private const string DefaultSystemName = "actorproc";
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);
    private static readonly object Gate = new();
    private static ProcessRuntime? _current;
    private static int _exitHook;

    private readonly ConcurrentDictionary<Process, byte> _children = new();
    private readonly CancellationTokenSource _stopNow = new();
    private readonly string _hocon;
    private long _nextToken;
    private int _shutdown;

    private ProcessRuntime(string systemName, Config overrides, byte[] authKey, ILoggerFactory? loggerFactory, IChildLogTarget? childLogs)
    {
        System = ActorSystem.Create(systemName, overrides.IsEmpty ? ReferenceConfig.Default : overrides.WithFallback(ReferenceConfig.Default), loggerFactory);
        try
        {
            Settings = ProcessSettings.FromConfig(System.Settings.Config);
            Synchronization.WaitSpin.Set(Settings.SyncSpin);
            AuthKey = authKey;
            ChildLogs = Settings.ForwardLogs ? childLogs : null;
            Remote = RemoteExtension.Start(System, authKey);
            var logTarget = ChildLogs;
            Processes = System.SystemActorOf(Props.Create(() => new ProcessesActor(logTarget)), "processes");
            Owners = new OwnerMonitor(System);
            ReportTo = ((InternalActorRef)Processes).Path.WithAddress(Remote.Address).ToSerializationFormat();
            // Children get only what differs from the reference configuration (they have the reference too).
            _hocon = overrides.IsEmpty ? "" : overrides.ToHocon();
            if (loggerFactory is null)
            {
                // Without a logger factory the runtime's errors go to stderr, which children share with their parent.
                System.InterceptLogEvents(static e =>
                {
                    if (e.Level >= LogLevel.Error)
                    {
                        Console.Error.WriteLine($"[actorproc {Environment.ProcessId} {Multiprocessing.Process.Current.Name}] {e.Level}: {e.Message}{(e.Cause is null ? "" : Environment.NewLine + e.Cause)}");
                    }

                    return false;
                });
            }

            Launcher = new ChildLauncher(Settings.ChildEnvironment);
            Spares = new SparePool(Settings.Spares, Launcher, () => LaunchNew(spare: true));

            // Process tree = supervision tree: terminating the actor system joins the non-daemon children before
            // any actor stops, and stops the remaining (daemon) children after the user's actors stopped.
            System.AddShutdownTask(ShutdownPhase.BeforeUserStop, "actorproc-join-children", JoinChildrenAsync);
            System.AddShutdownTask(ShutdownPhase.BeforeSystemStop, "actorproc-stop-children", StopChildrenAsync);
            System.RegisterOnTermination(() =>
            {
                // Every child has been joined or stopped by the shutdown phases above.
                Interlocked.CompareExchange(ref _current, null, this);
                Launcher.Stop();
            });
        }
        catch
        {
            System.Terminate().Wait(TimeSpan.FromSeconds(5));
            throw;
        }
    }

    /// <summary>The runtime if it was started.</summary>
    public static ProcessRuntime? Existing => Volatile.Read(ref _current);

    /// <summary>The actor system hosting this process's side of every primitive.</summary>
    public ActorSystem System { get; }

    /// <summary>Remoting of <see cref="System"/>.</summary>
    public RemoteExtension Remote { get; }

    /// <summary>The process tree's shared secret.</summary>
    public byte[] AuthKey { get; }

    /// <summary>The settings.</summary>
    public ProcessSettings Settings { get; }

    /// <summary>Watches the owners of the objects whose handles this process uses.</summary>
    public OwnerMonitor Owners { get; }

    /// <summary><c>/system/processes</c>.</summary>
    public IActorRef Processes { get; }

    /// <summary>The full remote path of <see cref="Processes"/>, where children report.</summary>
    public string ReportTo { get; }

    /// <summary>Starts child OS processes.</summary>
    public ChildLauncher Launcher { get; }

    /// <summary>Ready children.</summary>
    public SparePool Spares { get; }

    /// <summary>The assemblies of code sent to children so far, which spares load while they wait.</summary>
    public ChildCodeAssemblies CodeAssemblies { get; } = new();

    /// <summary>The serializer processes use for targets and messages.</summary>
    public Serializer Serializer => Remote.Serializer;

    /// <summary>Where the log events children send go (null: children do not forward theirs).</summary>
    public IChildLogTarget? ChildLogs { get; }

    /// <summary>In a child that forwards its log events: the forwarder (its actor system's logger factory).</summary>
    public LogForwarder? LogForwarder { get; private set; }

    /// <summary>True for a valid actor system name (letters, digits, '-', '_', '.').</summary>
    public static bool IsValidSystemName(string name) => Address.IsValidSystemName(name);

    /// <summary>
    /// The runtime, started on first use. In the root process: a new random auth key, and the configuration
    /// from <c>actorproc.conf</c> next to the application if that file exists (over the reference
    /// configuration); children inherit it.
    /// </summary>
    public static ProcessRuntime Get()
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        lock (Gate)
        {
            if (_current is null)
            {
                var file = Path.Combine(AppContext.BaseDirectory, ConfigFileName);
                var runtime = new ProcessRuntime(DefaultSystemName, File.Exists(file) ? Config.ParseFile(file) : Config.Empty, RandomNumberGenerator.GetBytes(32), null, null);
                EnsureExitHook();
                Volatile.Write(ref _current, runtime);
            }

            return _current;
        }
    }

    /// <summary>
    /// Starts the runtime of a root process under a host: actor system <paramref name="systemName"/> configured by
    /// <paramref name="overrides"/> (over the reference configuration; <c>actorproc.conf</c> next to the application is
    /// not read), logging to <paramref name="loggerFactory"/>, which also receives the log events of the children.
    /// </summary>
    /// <exception cref="InvalidOperationException">A runtime is already running in this process.</exception>
    /// <exception cref="ConfigException">A setting has an invalid value.</exception>
    public static ProcessRuntime StartHosted(string systemName, Config overrides, ILoggerFactory loggerFactory)
    {
        lock (Gate)
        {
            if (_current is { } running)
            {
                throw new InvalidOperationException(
                    $"The ActorProc runtime of this process is already running (actor system '{running.System.Name}'): something used a Process, Queue, " +
                    "Lock, Pipe or isolated actor before the host started, or another host with AddActorProc is running. One actor system per process: start the host first.");
            }

            var runtime = new ProcessRuntime(systemName, overrides, RandomNumberGenerator.GetBytes(32), loggerFactory, new ChildLogWriter(loggerFactory));
            EnsureExitHook();
            Volatile.Write(ref _current, runtime);
            return runtime;
        }
    }

    /// <summary>Starts the runtime of a child from its bootstrap frame.</summary>
    public static ProcessRuntime StartChild(ChildBootstrap bootstrap)
    {
        lock (Gate)
        {
            if (_current is not null)
            {
                throw new InvalidOperationException("The process runtime is already started.");
            }

            var overrides = bootstrap.Hocon.Length == 0 ? Config.Empty : Config.Parse(bootstrap.Hocon, "parent process");
            var forwarder = bootstrap.ForwardLogs ? new LogForwarder() : null;
            var runtime = new ProcessRuntime(DefaultSystemName, overrides, bootstrap.AuthKey, forwarder, forwarder);
            if (forwarder is not null)
            {
                forwarder.MinimumLevel = runtime.System.Settings.LogLevel;
                forwarder.Attach(runtime.System, runtime.System.ResolveActorRef(ActorPath.Parse(bootstrap.ReportTo)), bootstrap.Token);
                runtime.LogForwarder = forwarder;
            }

            Volatile.Write(ref _current, runtime);
            return runtime;
        }
    }

    /// <summary>A child OS process for a <see cref="Process.Start"/>: a spare when one is ready, else a new one.</summary>
    public ChildProcess Acquire()
    {
        var child = Spares.TryTake() ?? LaunchNew(spare: false);
        Spares.RefillAfter(child, Settings.SpareRefillDelay);
        return child;
    }

    /// <summary>Creates the actor that owns a shared object (queue, lock, ...) in this process.</summary>
    public IActorRef CreateOwner(Props props) => System.SystemActorOf(props);

    /// <summary>Records a started process (for <see cref="Process.ActiveChildren"/> and the exit rules).</summary>
    public void Track(Process process) => _children.TryAdd(process, 0);

    /// <summary>The started children still alive; ended ones are forgotten.</summary>
    public List<Process> AliveChildren()
    {
        var alive = new List<Process>();
        foreach (var child in _children.Keys)
        {
            if (child.IsAlive)
            {
                alive.Add(child);
            }
            else
            {
                _children.TryRemove(child, out _);
            }
        }

        return alive;
    }

    /// <summary>
    /// The exit rules of a process ending normally: spares are killed, non-daemon children are joined,
    /// then daemon children are terminated (and killed after <c>daemon-terminate-timeout</c>).
    /// </summary>
    public void ShutdownChildren()
    {
        if (Interlocked.Exchange(ref _shutdown, 1) != 0)
        {
            return;
        }

        if (_children.IsEmpty)
        {
            // Never started a child (the usual child process): only spares to kill, and nothing to wait for.
            Spares.Drain();
            return;
        }

        JoinChildrenAsync(CancellationToken.None).GetAwaiter().GetResult();
        StopChildrenAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>
    /// A hosted root's stop: joins the non-daemon children, then terminates the actor system, whose shutdown phases
    /// stop the actors and then the remaining (daemon) children (SIGTERM, SIGKILL after <c>daemon-terminate-timeout</c>).
    /// When <paramref name="cancellationToken"/> is cancelled first (the host's shutdown timeout), every child still
    /// running is killed at once and the method throws; the actor system's termination goes on in the background.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the system terminated.</exception>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        // Not a registration on the token: its callbacks run inline, so an await on the same token could resume
        // and dispose a registration before it ran.
        try
        {
            await JoinChildrenAsync(cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await System.Terminate().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            KillChildren();
            _ = System.Terminate();
            throw;
        }
    }

    /// <summary>Kills every child at once and terminates the actor system (a failed start); completes when it terminated.</summary>
    public Task AbortAsync()
    {
        KillChildren();
        return System.Terminate();
    }

    // Before the user's actors stop: wait for the non-daemon children to end (until the phase timeout or a kill).
    private async Task JoinChildrenAsync(CancellationToken cancellationToken)
    {
        Spares.Drain();
        var joins = AliveChildren().Where(c => !c.Daemon).Select(c => c.JoinAsync(CancellationToken.None)).ToArray();
        if (joins.Length == 0)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopNow.Token);
        try
        {
            await Task.WhenAll(joins).WaitAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Out of time: StopChildrenAsync (or the kill) ends them.
        }
    }

    // After the user's actors stopped (or at a normal exit, after the join): terminate the remaining children, then kill
    // the ones still running after daemon-terminate-timeout; after a kill, everything is killed at once.
    private async Task StopChildrenAsync(CancellationToken cancellationToken)
    {
        Spares.Drain();
        var children = AliveChildren();
        if (children.Count == 0)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopNow.Token);
        foreach (var child in children)
        {
            Signal(child, stop.IsCancellationRequested ? Native.Posix.SIGKILL : Native.Posix.SIGTERM);
        }

        var ended = Task.WhenAll(children.Select(c => c.JoinAsync(CancellationToken.None)));
        try
        {
            await ended.WaitAsync(Settings.DaemonTerminateTimeout, stop.Token).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
        }

        foreach (var child in children)
        {
            Signal(child, Native.Posix.SIGKILL);
        }

        try
        {
            await ended.WaitAsync(KillWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A killed child that is not reaped within seconds is beyond this process's control.
        }
    }

    // The host's shutdown timeout passed (or the start failed): no more waiting, every child is killed now.
    private void KillChildren()
    {
        Spares.Drain();
        foreach (var child in AliveChildren())
        {
            Signal(child, Native.Posix.SIGKILL);
        }

        // Last: cancellation resumes waiting shutdown tasks inline, and they find the children killed.
        _stopNow.Cancel();
    }

    private static void Signal(Process child, int signal)
    {
        try
        {
            if (signal == Native.Posix.SIGKILL)
            {
                child.Kill();
            }
            else
            {
                child.Terminate();
            }
        }
        catch (InvalidOperationException)
        {
            // Closed by its owner meanwhile: it has ended.
        }
    }

    private static void EnsureExitHook()
    {
        if (Interlocked.Exchange(ref _exitHook, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += static (_, _) =>
            {
                Queues.PutBuffer.FlushAll();
                Existing?.ShutdownChildren();
            };
        }
    }

    private ChildProcess LaunchNew(bool spare)
    {
        long token = Interlocked.Increment(ref _nextToken);
        var child = Launcher.Launch(new ChildBootstrap(AuthKey, ReportTo, token, _hocon, ChildLogs is not null, spare, spare ? CodeAssemblies.Names : []));
        child.Exited.ContinueWith(
            static (exited, state) =>
            {
                var (processes, token) = ((IActorRef, long))state!;
                processes.Tell(new ChildGone(token, exited.IsCompletedSuccessfully ? exited.Result : -1));
            },
            (Processes, token),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return child;
    }
}
