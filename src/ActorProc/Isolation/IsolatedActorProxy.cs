using ActorProc.Actors;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Remote;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Isolation;

/// <summary>
/// The local stand-in of an actor deployed with <see cref="ProcessIsolationExtensions.WithProcessIsolation"/>:
/// it lives at the actor's path, starts a child process that hosts the real actor, and forwards every
/// message to it (keeping the sender, so replies and asks work). A failure of the actor or the death of its
/// process is thrown here, so the parent's supervisor strategy decides: a restart starts a fresh process
/// at the same path, a stop ends the process and delivers <see cref="Terminated"/> to watchers.
/// </summary>
internal sealed class IsolatedActorProxy : UntypedActor
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    // Unique per process start across proxy instances: a restart builds a new proxy, and messages from the
    // old process (its exit, a late failure) must not be taken for the new one's.
    private static int _incarnations;
    private readonly Props _props;
    private readonly System.Collections.Generic.Queue<(object Message, IActorRef Sender)> _pending = new();
    private Process? _process;
    private IActorRef? _remote;
    private IActorRef? _host;
    private int _incarnation;

    public IsolatedActorProxy(Props props) => _props = props;

    protected override void PreStart()
    {
        var runtime = ProcessRuntime.Get();
        var remote = RemoteExtension.Start(Context.System, runtime.AuthKey);
        byte[] factory;
        try
        {
            factory = remote.Serializer.SerializeToArray(_props.Factory);
        }
        catch (SerializationException e)
        {
            throw new ArgumentException($"The props of {Self.Path} cannot be sent to a child process: {e.Message}", e);
        }

        int incarnation = _incarnation = Interlocked.Increment(ref _incarnations);
        var process = new IsolatedActorProcess(factory, _props.ActorType, Self.Path.Name, Self, incarnation, "actor:" + Self.Path.ToStringWithoutAddress());
        process.Start();
        _process = process;
        var self = Self;
        process.JoinAsync().ContinueWith(
            _ => self.Tell(new IsolatedProcessExited(incarnation, process.ExitCode ?? -1)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case IsolatedReady ready when ready.Incarnation == _incarnation:
                _remote = ready.Actor;
                _host = Sender;
                while (_pending.TryDequeue(out var item))
                {
                    _remote.Tell(item.Message, item.Sender);
                }

                break;
            case IsolatedFailed failed when failed.Incarnation == _incarnation:
                throw failed.Cause;
            case IsolatedProcessExited exited when exited.Incarnation == _incarnation:
                throw new WorkerCrashedException($"The process of isolated actor {Self.Path} ended with exit code {exited.ExitCode}.", exited.ExitCode);
            case IsolatedReady or IsolatedFailed or IsolatedProcessExited:
                // From an earlier incarnation's process, already replaced.
                break;
            default:
                if (_remote is null)
                {
                    _pending.Enqueue((message, Sender));
                }
                else
                {
                    _remote.Tell(message, Sender);
                }

                break;
        }
    }

    protected override void PreRestart(Exception reason, object? message) => EndProcess(graceful: false);

    protected override void PostStop() => EndProcess(graceful: true);

    private void EndProcess(bool graceful)
    {
        var (process, host) = (_process, _host);
        (_process, _remote, _host) = (null, null, null);
        if (process is null || !process.IsAlive)
        {
            return;
        }

        if (!graceful || host is null)
        {
            process.Kill();
            return;
        }

        // Stop the actor in its process (its PostStop runs there); kill the process if it does not end in time.
        host.Tell(new IsolatedStop());
        _ = process.JoinAsync().WaitAsync(StopGrace).ContinueWith(
            joined =>
            {
                if (!joined.IsCompletedSuccessfully)
                {
                    process.Kill();
                }
            },
            TaskScheduler.Default);
    }
}
