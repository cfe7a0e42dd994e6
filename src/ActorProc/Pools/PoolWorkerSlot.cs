using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// One worker place of a pool (a child of <see cref="PoolRouter"/>): it starts a worker process and watches it end.
/// A worker that retired (<c>maxTasksPerChild</c>) is replaced at once; one that died throws
/// <see cref="WorkerCrashedException"/> here, and the router's supervisor strategy restarts the slot, which starts a
/// fresh process. After Close (once the work is done) or Terminate the slot stops instead.
/// </summary>
internal sealed class PoolWorkerSlot : ReceiveActor
{
    private readonly PoolCore _core;
    private readonly bool _held;
    private bool _waitingForRelease;
    private PoolWorkerProcess? _process;
    private int _worker;
    private bool _killed;

    /// <summary>A slot; a <paramref name="held"/> one starts its first worker when the router says (see <see cref="PoolRouter"/>).</summary>
    public PoolWorkerSlot(PoolCore core, bool held)
    {
        _core = core;
        _held = held;
        Receive<PoolStartWorker>(_ => Launch());
        Receive<PoolReleaseColdStarts>(_ =>
        {
            // The release reaches every slot; only one still waiting for it starts.
            if (_waitingForRelease)
            {
                _waitingForRelease = false;
                Launch();
            }
        });
        Receive<PoolWorkerExited>(exited => exited.Worker == _worker, OnExited);
        Receive<PoolKillWorkers>(_ => Kill());
    }

    protected override void PreStart()
    {
        if (_held && _core.HoldsColdStarts)
        {
            _waitingForRelease = true;
            return;
        }

        var delay = _core.RestartDelay();
        if (delay > TimeSpan.Zero)
        {
            Context.System.Scheduler.ScheduleTellOnce(delay, Self, new PoolStartWorker(), Self);
        }
        else
        {
            Launch();
        }
    }

    protected override void PostStop()
    {
        if (_process is { IsAlive: true } process)
        {
            process.Kill();
        }
    }

    private void Launch()
    {
        if (_killed || !_core.WantsWorkers)
        {
            Context.Stop(Self);
            return;
        }

        var (id, name) = _core.NewWorker();
        var process = new PoolWorkerProcess(name, Context.Parent, _core.Inbox, id, _core.Initializer, _core.MaxTasksPerChild, _core.Settings);
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            _core.OnStartFailed(id, e);
            Context.Stop(Self);
            return;
        }

        _process = process;
        _worker = id;
        var self = Self;
        process.JoinAsync().ContinueWith(
            _ => self.Tell(new PoolWorkerExited(id, process.ExitCode ?? -1), ActorRefs.NoSender),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnExited(PoolWorkerExited exited)
    {
        var process = _process;
        _process = null;
        bool died = _core.OnWorkerExited(exited.Worker, exited.ExitCode);
        process?.Close();
        if (_killed || !_core.WantsWorkers)
        {
            Context.Stop(Self);
        }
        else if (died)
        {
            throw new WorkerCrashedException($"Worker process {process?.Name} (pid {process?.Pid}) of {_core.Name} ended with exit code {exited.ExitCode}.", exited.ExitCode);
        }
        else
        {
            Launch();
        }
    }

    private void Kill()
    {
        _killed = true;
        if (_process is { } process)
        {
            process.Kill();
        }
        else
        {
            Context.Stop(Self);
        }
    }
}
