using System.Collections.Concurrent;
using System.Security.Cryptography;
using ActorProc.Actors;
using ActorProc.Configuration;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Launch;
using ActorProc.Multiprocessing.Processes;
using ActorProc.Multiprocessing.Protocol;
using ActorProc.Remote;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Runtime;

/// <summary>
/// The process layer of this OS process: one actor system with remoting (started on first use), the
/// auth key shared by the whole process tree, <c>/system/processes</c>, the launcher and the spares, and
/// the children this process started.
/// </summary>
internal sealed class ProcessRuntime
{
    private const string ConfigFileName = "actorproc.conf";
    private static readonly object Gate = new();
    private static ProcessRuntime? _current;

    private readonly ConcurrentDictionary<Process, byte> _children = new();
    private readonly string _hocon;
    private long _nextToken;
    private int _shutdown;

    private ProcessRuntime(Config overrides, byte[] authKey)
    {
        System = ActorSystem.Create("actorproc", overrides.IsEmpty ? ReferenceConfig.Default : overrides.WithFallback(ReferenceConfig.Default));
        try
        {
            Settings = ProcessSettings.FromConfig(System.Settings.Config);
            AuthKey = authKey;
            Remote = RemoteExtension.Start(System, authKey);
            Processes = System.SystemActorOf(Props.Create(() => new ProcessesActor()), "processes");
            Owners = new OwnerMonitor(System);
            ReportTo = ((InternalActorRef)Processes).Path.WithAddress(Remote.Address).ToSerializationFormat();
            // Children get only what differs from the reference configuration (they have the reference too).
            _hocon = overrides.IsEmpty ? "" : overrides.ToHocon();
            // The process runtime has no logger of its own: its errors go to stderr, which children share with their parent.
            System.InterceptLogEvents(static e =>
            {
                if (e.Level >= Microsoft.Extensions.Logging.LogLevel.Error)
                {
                    Console.Error.WriteLine($"[actorproc {Environment.ProcessId} {Multiprocessing.Process.Current.Name}] {e.Level}: {e.Message}{(e.Cause is null ? "" : Environment.NewLine + e.Cause)}");
                }

                return false;
            });
            Launcher = new ChildLauncher(Settings.ChildEnvironment);
            Spares = new SparePool(Settings.Spares, Launcher, LaunchNew);
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

    /// <summary>The serializer processes use for targets and messages.</summary>
    public Serializer Serializer => Remote.Serializer;

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
                var runtime = new ProcessRuntime(File.Exists(file) ? Config.ParseFile(file) : Config.Empty, RandomNumberGenerator.GetBytes(32));
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    Queues.PutBuffer.FlushAll();
                    runtime.ShutdownChildren();
                };
                Volatile.Write(ref _current, runtime);
            }

            return _current;
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
            var runtime = new ProcessRuntime(overrides, bootstrap.AuthKey);
            Volatile.Write(ref _current, runtime);
            return runtime;
        }
    }

    /// <summary>A child OS process for a <see cref="Process.Start"/>: a spare when one is ready, else a new one.</summary>
    public ChildProcess Acquire()
    {
        var child = Spares.TryTake() ?? LaunchNew();
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

        Spares.Drain();
        foreach (var child in AliveChildren().Where(c => !c.Daemon))
        {
            child.Join();
        }

        var daemons = AliveChildren();
        foreach (var daemon in daemons)
        {
            daemon.Terminate();
        }

        var deadline = DateTime.UtcNow + Settings.DaemonTerminateTimeout;
        foreach (var daemon in daemons)
        {
            var left = deadline - DateTime.UtcNow;
            if (!daemon.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero))
            {
                daemon.Kill();
                daemon.Join(TimeSpan.FromSeconds(5));
            }
        }
    }

    private ChildProcess LaunchNew()
    {
        long token = Interlocked.Increment(ref _nextToken);
        var child = Launcher.Launch(new ChildBootstrap(AuthKey, ReportTo, token, _hocon));
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
