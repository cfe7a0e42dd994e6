using System.Globalization;
using System.Text;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Launch;
using ActorProc.Multiprocessing.Native;
using ActorProc.Multiprocessing.Protocol;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing;

/// <summary>
/// A process, as Python's <c>multiprocessing.Process</c>: <see cref="Start"/> runs <see cref="Run"/> (the
/// target, or an override) in a new OS process that hosts its own actor system and talks to this one over
/// authenticated remoting. The parent's <c>Main</c> is not re-run in the child and needs no guard.
/// </summary>
/// <remarks>
/// <para>The target travels through the ActorProc serializer: a static method, a lambda, or a closure over
/// serializable values and ActorProc handles (queues, locks, actor refs, ...). A subclass is sent with its
/// fields, and its <see cref="Run"/> override runs in the child. Globals are not shared: a static field
/// changed in the child is unchanged in the parent.</para>
/// <para>Children inherit this process's stdout and stderr (their output is copied to <see cref="Console.Out"/>
/// and <see cref="Console.Error"/>). An unhandled exception in the child prints the process name and the
/// exception to the child's stderr and ends it with exit code 1.</para>
/// <para>Every child is watched by an actor under <c>/system/processes</c> of its parent, which stops when the
/// child ends. Children die with their parent however it ends (SIGKILL included); at a normal exit of a
/// process its non-daemon children are joined first, then its daemon children are terminated.</para>
/// </remarks>
public class Process : IDisposable
{
    private const int New = 0;
    private const int Started = 1;
    private const int Closed = 2;

    private static readonly object CurrentGate = new();
    private static int _childCounter;
    private static Process? _current;
    private static Process? _parent;
    private static bool _isChild;

    private readonly Action? _target;
    private readonly Func<Task>? _asyncTarget;
    private string _name;
    private bool _daemon;
    private int[] _identity;

    [NonSerialized]
    private ChildProcess? _child;

    // Completed (with the exit code) once the OS process ended and every message it sent to this process was
    // dispatched: a Join that returns guarantees the child's puts are ahead of anything sent after it.
    [NonSerialized]
    private TaskCompletionSource<int>? _ended;

    [NonSerialized]
    private int _state;

    [NonSerialized]
    private Role _role;

    [NonSerialized]
    private int _ownPid;

    [NonSerialized]
    private TaskCompletionSource<IActorRef>? _actor;

    /// <summary>A process that runs <paramref name="target"/>.</summary>
    /// <param name="target">What the child runs: a static method, a lambda, or a closure over serializable values and handles.</param>
    /// <param name="name">The name; null for <c>Process-N</c> (<c>Process-N:M</c> when created in a child).</param>
    /// <param name="daemon">Whether the child ends with its parent's normal exit; null to inherit the creating process's flag.</param>
    public Process(Action target, string? name = null, bool? daemon = null)
        : this(name, daemon)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
    }

    /// <summary>A process that runs the asynchronous <paramref name="target"/> to completion.</summary>
    /// <param name="target">What the child runs; the child ends when the returned task completes.</param>
    /// <param name="name">The name; null for <c>Process-N</c>.</param>
    /// <param name="daemon">Whether the child is a daemon; null to inherit the creating process's flag.</param>
    public Process(Func<Task> target, string? name = null, bool? daemon = null)
        : this(name, daemon)
    {
        ArgumentNullException.ThrowIfNull(target);
        _asyncTarget = target;
    }

    /// <summary>For subclasses that override <see cref="Run"/>; the subclass's fields travel to the child.</summary>
    /// <param name="name">The name; null for <c>Process-N</c>.</param>
    /// <param name="daemon">Whether the child is a daemon; null to inherit the creating process's flag.</param>
    protected Process(string? name = null, bool? daemon = null)
    {
        var creator = Current;
        _identity = [.. creator._identity, Interlocked.Increment(ref _childCounter)];
        _name = name ?? "Process-" + string.Join(':', _identity);
        _daemon = daemon ?? creator._daemon;
    }

    private Process(Role role, string name, int pid, int[] identity, bool daemon)
    {
        _role = role;
        _name = name;
        _ownPid = pid;
        _identity = identity;
        _daemon = daemon;
        _state = Started;
    }

    // For WarmUp only: no name counter, no creator.
    private Process(Action target)
    {
        _target = target;
        _name = "warm-up";
        _identity = [];
    }

    private enum Role
    {
        Child,
        Current,
        Parent,
    }

    /// <summary>This process: <c>"MainProcess"</c> in the root process, the running <see cref="Process"/> object in a child.</summary>
    public static Process Current
    {
        get
        {
            if (Volatile.Read(ref _current) is { } current)
            {
                return current;
            }

            lock (CurrentGate)
            {
                return _current ??= new Process(Role.Current, "MainProcess", Environment.ProcessId, [], daemon: false);
            }
        }
    }

    /// <summary>The process that started this one; null in the root process.</summary>
    public static Process? Parent => Volatile.Read(ref _parent);

    /// <summary>The number of CPUs this process may use.</summary>
    public static int CpuCount => Environment.ProcessorCount;

    /// <summary>The process name; for diagnostics only (several processes may share one).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public string Name
    {
        get => _name;
        set => _name = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Whether the child ends with its parent's normal exit (after the non-daemon children were joined).</summary>
    /// <exception cref="InvalidOperationException">Set after <see cref="Start"/>.</exception>
    public bool Daemon
    {
        get => _daemon;
        set
        {
            if (_role != Role.Child || Volatile.Read(ref _state) != New)
            {
                throw new InvalidOperationException($"The daemon flag of process {_name} can only be set before it is started.");
            }

            _daemon = value;
        }
    }

    /// <summary>The OS process id; null before <see cref="Start"/>.</summary>
    public int? Pid => _role == Role.Child ? _child?.Pid : _ownPid;

    /// <summary>True from <see cref="Start"/> until the process has ended; false before <see cref="Start"/>.</summary>
    public bool IsAlive => _role switch
    {
        Role.Current => true,
        Role.Parent => !OperatingSystem.IsLinux() || Posix.ParentPid() == _ownPid,
        _ => _ended is { Task.IsCompleted: false },
    };

    /// <summary>
    /// Null until the process has ended; then 0 for a normal end, n after <see cref="Exit"/>(n) or
    /// <see cref="Environment.Exit"/>(n), 1 after an unhandled exception, and <c>-signal</c> when a signal
    /// ended it (-15 after <see cref="Terminate"/>, -9 after <see cref="Kill"/>).
    /// </summary>
    public int? ExitCode => _ended?.Task is { IsCompletedSuccessfully: true } ended ? ended.Result : null;

    /// <summary>The actor under <c>/system/processes</c> that stands for this child (stops when the child ends).</summary>
    internal Task<IActorRef> ActorRef => (_actor ??= new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>The started processes of this process that are still alive; ended ones are forgotten.</summary>
    public static IReadOnlyList<Process> ActiveChildren() => ProcessRuntime.Existing?.AliveChildren() ?? [];

    /// <summary>
    /// Ends the current process with <paramref name="code"/> (in a child: after its own exit rules and a flush
    /// of its outgoing messages; the parent's <see cref="ExitCode"/> shows <paramref name="code"/>).
    /// </summary>
    public static void Exit(int code)
    {
        if (Volatile.Read(ref _isChild))
        {
            ChildEntry.Exit(code);
        }

        Environment.Exit(code);
    }

    private void NoteCode(ChildCodeAssemblies assemblies)
    {
        Delegate? target = (Delegate?)_target ?? _asyncTarget;
        if (target is not null)
        {
            assemblies.Note(target);
        }
        else
        {
            assemblies.Note(GetType());
        }
    }

    /// <summary>What the process does: calls the target. Runs in the child after <see cref="Start"/>; subclasses override it.</summary>
    public virtual void Run()
    {
        if (_target is not null)
        {
            _target();
        }
        else if (_asyncTarget is not null)
        {
            _asyncTarget().GetAwaiter().GetResult();
        }
    }

    /// <summary>Starts the child process and runs <see cref="Run"/> there.</summary>
    /// <exception cref="InvalidOperationException">Started before, closed, not a new process, or this application cannot start children.</exception>
    /// <exception cref="ArgumentException">The target (or a field of the subclass) cannot cross a process; the message names the field and its type.</exception>
    public void Start()
    {
        if (_role != Role.Child)
        {
            throw new InvalidOperationException($"{_name} is the {(_role == Role.Current ? "current" : "parent")} process; only a new Process can be started.");
        }

        int state = Interlocked.CompareExchange(ref _state, Started, New);
        if (state != New)
        {
            throw new InvalidOperationException(state == Closed
                ? $"Process {_name} is closed."
                : $"Process {_name} was already started; a process can be started only once.");
        }

        try
        {
            var runtime = ProcessRuntime.Get();
            NoteCode(runtime.CodeAssemblies);
            byte[] payload;
            try
            {
                payload = runtime.Serializer.SerializeToArray<Process>(this);
            }
            catch (SerializationException e)
            {
                throw new ArgumentException($"Process {_name} cannot be started: its target cannot cross a process boundary: {e.Message}", "target", e);
            }

            var creator = Current;
            var info = new ProcessInfo(_name, _identity, _daemon, creator._name, Environment.ProcessId, creator._identity, Environment.CurrentDirectory);
            var child = runtime.Acquire();
            _ended = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            _child = child;
            runtime.Track(this);
            runtime.Processes.Tell(new ChildStarted(this, child, new RunTarget(payload, info)));
        }
        catch
        {
            Volatile.Write(ref _state, New);
            throw;
        }
    }

    /// <summary>Waits until the process has ended.</summary>
    /// <param name="timeout">How long to wait; null waits for ever.</param>
    /// <returns>True when the process has ended, false when the timeout passed first.</returns>
    /// <exception cref="InvalidOperationException">The process was not started, or is closed.</exception>
    public bool Join(TimeSpan? timeout = null)
    {
        var child = StartedChild();
        if (timeout is { } t)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(t, TimeSpan.Zero, nameof(timeout));
            return ((IAsyncResult)child).AsyncWaitHandle.WaitOne(t) || child.IsCompleted;
        }

        child.Wait();
        return true;
    }

    /// <summary>Completes when the process has ended.</summary>
    /// <exception cref="InvalidOperationException">The process was not started, or is closed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public Task JoinAsync(CancellationToken cancellationToken = default) => StartedChild().WaitAsync(cancellationToken);

    /// <summary>Sends SIGTERM (the child ends with exit code -15); nothing when it already ended.</summary>
    /// <exception cref="InvalidOperationException">The process was not started, or is closed.</exception>
    public void Terminate() => StartedChildProcess().Signal(Posix.SIGTERM);

    /// <summary>Sends SIGKILL (the child ends with exit code -9); nothing when it already ended.</summary>
    /// <exception cref="InvalidOperationException">The process was not started, or is closed.</exception>
    public void Kill() => StartedChildProcess().Signal(Posix.SIGKILL);

    /// <summary>Releases the process's resources; most members throw afterwards.</summary>
    /// <exception cref="InvalidOperationException">The process is still running.</exception>
    public void Close()
    {
        if (_role == Role.Child && IsAlive)
        {
            throw new InvalidOperationException($"Process {_name} is still running; join or terminate it before closing it.");
        }

        if (_role == Role.Child && Interlocked.Exchange(ref _state, Closed) != Closed)
        {
            _child?.Dispose();
        }
    }

    /// <summary>Closes the process when it has ended (or was never started); a running child is left running.</summary>
    public void Dispose()
    {
        if (_role == Role.Child && !IsAlive)
        {
            Close();
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder("<Process name='").Append(_name).Append('\'');
        if (Pid is { } pid)
        {
            text.Append(" pid=").Append(pid.ToString(CultureInfo.InvariantCulture));
        }

        text.Append(_role switch
        {
            Role.Current or Role.Parent => " started",
            _ when _state == Closed => " closed",
            _ when _child is null => " initial",
            _ when ExitCode is { } code => " stopped exitcode=" + code.ToString(CultureInfo.InvariantCulture),
            _ => " started",
        });
        return text.Append(_daemon ? " daemon>" : ">").ToString();
    }

    /// <summary>In a child: makes the received process object the current one.</summary>
    internal static void BecomeCurrent(Process process, ProcessInfo info)
    {
        process._role = Role.Current;
        process._ownPid = Environment.ProcessId;
        process._name = info.Name;
        process._identity = info.Identity;
        process._daemon = info.Daemon;
        process._state = Started;
        lock (CurrentGate)
        {
            Volatile.Write(ref _parent, new Process(Role.Parent, info.ParentName, info.ParentPid, info.ParentIdentity, daemon: false));
            Volatile.Write(ref _current, process);
            Volatile.Write(ref _isChild, true);
        }
    }

    /// <summary>
    /// In a spare child waiting for work: runs the serializer over a process with a target and a work order once,
    /// so the first real <see cref="Start"/> served by the spare does not pay for building those codecs.
    /// </summary>
    internal static void WarmUp(Serializer serializer, object state)
    {
        var sample = new Process(static () => { });
        var payload = serializer.SerializeToArray<Process>(sample);
        var run = new RunTarget(payload, new ProcessInfo("warm-up", [1], false, "warm-up", 0, [], Environment.CurrentDirectory));
        var copy = serializer.Deserialize<RunTarget>(serializer.SerializeToArray(run), state);
        serializer.Deserialize<Process>(copy.Payload, state);

        // The parent's watch of this child arrives as the first system message; the exit report and its ack end the life.
        ChildWarmUp.RoundTrip(
            serializer,
            state,
            new Remote.SystemEnvelope(Remote.SystemKind.Watch, "actorproc://warm-up/system/a", "actorproc://warm-up/system/b", false),
            new ChildExiting(1),
            new ChildExitAck());

        // The exit sequence's steps that have nothing to do here run now, so that the exit does not compile them.
        Queues.PutBuffer.FlushAll();
        Pools.PoolWorker.FlushOnExit();
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Shared.SharedSegments).TypeHandle);
    }

    internal void AttachActor(IActorRef actor)
    {
        _actor ??= new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously);
        _actor.TrySetResult(actor);
    }

    /// <summary>Called by the process's actor: the child ended with <paramref name="exitCode"/> and its messages were dispatched.</summary>
    internal void MarkEnded(int exitCode) => _ended?.TrySetResult(exitCode);

    private Task<int> StartedChild([System.Runtime.CompilerServices.CallerMemberName] string member = "")
    {
        StartedChildProcess(member);
        return _ended!.Task;
    }

    private ChildProcess StartedChildProcess([System.Runtime.CompilerServices.CallerMemberName] string member = "")
    {
        if (_role != Role.Child)
        {
            throw new InvalidOperationException($"{member} is only for a started child process, not for the {(_role == Role.Current ? "current" : "parent")} process {_name}.");
        }

        if (Volatile.Read(ref _state) == Closed)
        {
            throw new InvalidOperationException($"Process {_name} is closed.");
        }

        return _child ?? throw new InvalidOperationException($"Process {_name} was not started; call Start first.");
    }
}
