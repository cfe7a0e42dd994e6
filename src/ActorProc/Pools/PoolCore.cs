using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// The engine behind <see cref="Pool"/> and <see cref="ProcessPoolExecutor"/>: the task queue and the scheduler,
/// under one lock. Submitters call it on their own thread (tasks go to a worker from there, no actor hop), workers'
/// results arrive on the remoting reader thread of their connection (<see cref="PoolInbox"/>), and the
/// <see cref="PoolRouter"/> actor supervises the worker processes and reports their start and end here.
/// </summary>
/// <remarks>
/// Scheduling: each worker gets as many tasks ahead as keep about <see cref="PoolSettings.QueuedWork"/> of measured
/// compute time queued at it (an average over recent results), spread evenly over the workers with room, in
/// batches. A worker runs its tasks in the order sent and reports in that order, so when its process dies the first
/// unreported task is the one it was running: that one fails with <see cref="WorkerCrashedException"/> (or is run
/// again when <c>maxTaskRetries</c> allows), and the others it had not run yet go back to the front of the queue.
/// </remarks>
internal sealed class PoolCore
{
    private static int _pools;

    private readonly object _lock = new();
    private readonly LinkedList<PoolTask> _retry = new();
    private readonly System.Collections.Generic.Queue<PoolTask> _queue = new();
    private readonly Dictionary<int, PoolWorkerState> _workers = [];
    private readonly ConcurrentDictionary<Type, RunnerSpec> _callRunners = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _maxTasksPerChild;
    private readonly int _maxTaskRetries;
    private readonly string _workerPrefix;
    private readonly double _queuedWorkTicks;
    private PoolState _state;
    private long _nextTaskId;
    private int _nextRunnerId;
    private int _nextWorkerId;
    private int _outstanding;
    private int _initFailures;
    private int _holdColdStarts;
    private double _taskTicks;

    public PoolCore(string kind, int processes, Action? initializer, int? maxTasksPerChild, int maxTaskRetries)
    {
        Runtime = ProcessRuntime.Get();
        Settings = PoolSettings.FromConfig(Runtime.System.Settings.Config);
        Processes = processes;
        _maxTasksPerChild = maxTasksPerChild ?? 0;
        _maxTaskRetries = maxTaskRetries;
        int number = Interlocked.Increment(ref _pools);
        Name = $"{kind}-{number}";
        _workerPrefix = $"{kind}Worker-{number}:";
        _queuedWorkTicks = Settings.QueuedWork.TotalSeconds * Stopwatch.Frequency;
        _taskTicks = _queuedWorkTicks;
        Initializer = initializer is null ? null : SerializeFunc(initializer, "initializer", "The initializer");
        Inbox = PoolInbox.Create(Runtime.System, this);
        Router = Runtime.System.SystemActorOf(Props.Create(() => new PoolRouter(this)), Name.ToLowerInvariant());
    }

    private enum PoolState
    {
        Running,
        Closing,
        Terminated,
    }

    /// <summary>The process runtime.</summary>
    public ProcessRuntime Runtime { get; }

    /// <summary>The serializer of tasks and results.</summary>
    public Serializer Serializer => Runtime.Serializer;

    /// <summary>The actor system (the state that resolves refs when deserializing).</summary>
    public ActorSystem System => Runtime.System;

    /// <summary>The settings.</summary>
    public PoolSettings Settings { get; }

    /// <summary>The number of worker processes.</summary>
    public int Processes { get; }

    /// <summary>The pool's name (<c>Pool-N</c>, <c>ProcessPoolExecutor-N</c>).</summary>
    public string Name { get; }

    /// <summary>The serialized initializer, or null.</summary>
    public byte[]? Initializer { get; }

    /// <summary>Where workers send results.</summary>
    public PoolInbox Inbox { get; }

    /// <summary>The supervising router actor.</summary>
    public IActorRef Router { get; }

    /// <summary>The <c>maxTasksPerChild</c> (0 for no limit).</summary>
    public int MaxTasksPerChild => _maxTasksPerChild;

    /// <summary>Completes once every worker process has ended after <see cref="Close"/> or <see cref="Terminate"/>.</summary>
    public Task Stopped => _stopped.Task;

    /// <summary>True until <see cref="Close"/> or <see cref="Terminate"/>.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return _state == PoolState.Running;
            }
        }
    }

    /// <summary>True while worker processes are needed (replace the one that ended).</summary>
    public bool WantsWorkers
    {
        get
        {
            lock (_lock)
            {
                return _state == PoolState.Running || (_state == PoolState.Closing && _outstanding > 0);
            }
        }
    }

    /// <summary>Python's default chunksize for a map of <paramref name="count"/> items.</summary>
    public int DefaultChunksize(int count)
    {
        int chunksize = Math.DivRem(count, Processes * 4, out int extra);
        return Math.Max(1, extra > 0 ? chunksize + 1 : chunksize);
    }

    // ---- submission (caller threads) -----------------------------------------------------------------------

    /// <summary>The runner of Apply/Submit calls returning <typeparamref name="TResult"/> (one per type, kept by workers).</summary>
    public RunnerSpec CallRunner<TResult>() =>
        _callRunners.GetOrAdd(typeof(TResult), static (_, core) => core.NewRunner(new CallRunner<TResult>(), null, persistent: true), this);

    /// <summary>The runner of <c>Submit(Action)</c> calls.</summary>
    public RunnerSpec ActionCallRunner() =>
        _callRunners.GetOrAdd(typeof(void), static (_, core) => core.NewRunner(new ActionRunner(), null, persistent: true), this);

    /// <summary>A job's runner with its func, serialized once.</summary>
    /// <exception cref="ArgumentException">The func cannot cross a process boundary (the message names the field).</exception>
    public RunnerSpec JobRunner(PoolRunner runner, Delegate func, string parameter) =>
        NewRunner(runner, SerializeFunc(func, parameter, "The func"), persistent: false);

    /// <summary>Serializes a func (or initializer) for a worker.</summary>
    /// <exception cref="ArgumentException">It cannot cross a process boundary (the message names the field and its type).</exception>
    public byte[] SerializeFunc<TFunc>(TFunc func, string parameter, string what)
        where TFunc : Delegate
    {
        Runtime.CodeAssemblies.Note(func);
        byte[] bytes;
        try
        {
            bytes = Serializer.SerializeToArray(func);
        }
        catch (SerializationException e)
        {
            throw new ArgumentException($"{what} cannot be sent to a worker process of {Name}: {e.Message}", parameter, e);
        }

        CheckSize(bytes, parameter, what);
        return bytes;
    }

    /// <summary>Serializes one chunk of items for a worker.</summary>
    /// <exception cref="ArgumentException">An item cannot cross a process boundary (the message names the item and the field).</exception>
    public byte[] SerializeChunk<TItem>(TItem[] chunk, int start)
    {
        byte[] bytes;
        try
        {
            bytes = Serializer.SerializeToArray(chunk);
        }
        catch (SerializationException e)
        {
            throw new ArgumentException($"An item of the chunk starting at item {start} cannot be sent to a worker process of {Name} (root[i] is item {start}+i): {e.Message}", "iterable", e);
        }

        CheckSize(bytes, "iterable", $"The chunk starting at item {start}");
        return bytes;
    }

    /// <summary>A new task.</summary>
    public PoolTask NewTask(RunnerSpec runner, byte[] payload, TaskSink sink, int index) =>
        new(Interlocked.Increment(ref _nextTaskId), runner, payload, sink, index);

    /// <summary>Queues one task and sends what fits to the workers.</summary>
    /// <exception cref="InvalidOperationException">The pool was closed or terminated.</exception>
    public void Submit(PoolTask task)
    {
        lock (_lock)
        {
            EnsureRunning();
            _queue.Enqueue(task);
            _outstanding++;
            DispatchLocked();
        }
    }

    /// <summary>Queues tasks (in order) and sends what fits to the workers.</summary>
    /// <exception cref="InvalidOperationException">The pool was closed or terminated.</exception>
    public void Submit(List<PoolTask> tasks)
    {
        lock (_lock)
        {
            EnsureRunning();
            foreach (var task in tasks)
            {
                _queue.Enqueue(task);
            }

            _outstanding += tasks.Count;
            DispatchLocked();
        }
    }

    /// <summary>A job ended: workers drop its runner with their next batch.</summary>
    public void ReleaseRunner(RunnerSpec runner)
    {
        if (runner.Persistent)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var worker in _workers.Values)
            {
                if (worker.Runners.Remove(runner.Id))
                {
                    (worker.Forget ??= []).Add(runner.Id);
                }
            }
        }
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    /// <summary>No new tasks; workers exit once every queued task is done.</summary>
    public void Close()
    {
        lock (_lock)
        {
            if (_state == PoolState.Running)
            {
                _state = PoolState.Closing;
                DispatchLocked();
            }
        }
    }

    /// <summary>Stops the workers now; every task not completed is cancelled.</summary>
    public void Terminate()
    {
        List<PoolTask> dropped;
        lock (_lock)
        {
            if (_state == PoolState.Terminated)
            {
                return;
            }

            _state = PoolState.Terminated;
            dropped = TakeQueuedLocked();
            foreach (var worker in _workers.Values)
            {
                dropped.AddRange(worker.InFlight);
                worker.InFlight.Clear();
            }

            _outstanding = 0;
        }

        Router.Tell(new PoolKillWorkers(), ActorRefs.NoSender);
        foreach (var task in dropped)
        {
            task.Sink.OnCancelled();
        }
    }

    /// <summary>Cancels the tasks no worker has got yet (<c>Shutdown(cancelFutures: true)</c>).</summary>
    public void CancelQueued()
    {
        List<PoolTask> dropped;
        lock (_lock)
        {
            dropped = TakeQueuedLocked();
            DispatchLocked();
        }

        foreach (var task in dropped)
        {
            task.Sink.OnCancelled();
        }
    }

    /// <summary>Called by the router once every worker slot has stopped.</summary>
    public void OnAllStopped()
    {
        Inbox.Dispose();
        _stopped.TrySetResult();
    }

    // ---- workers (router and slots) -------------------------------------------------------------------------

    /// <summary>A new worker is being started: its id and process name.</summary>
    public (int Id, string Name) NewWorker()
    {
        lock (_lock)
        {
            int id = ++_nextWorkerId;
            _workers[id] = new PoolWorkerState(id);
            return (id, _workerPrefix + id.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>True while slots that need a fresh OS process wait for demand or the first result (see <see cref="PoolRouter"/>).</summary>
    public bool HoldsColdStarts => Volatile.Read(ref _holdColdStarts) != 0;

    /// <summary>From now until <see cref="ReleaseColdStarts"/>, held slots wait.</summary>
    public void HoldColdStarts() => Volatile.Write(ref _holdColdStarts, 1);

    /// <summary>Ends the hold; true for the call that ended it.</summary>
    public bool ReleaseColdStarts() => Interlocked.Exchange(ref _holdColdStarts, 0) != 0;

    /// <summary>How long a slot waits before starting a worker (after initializer failures in a row).</summary>
    public TimeSpan RestartDelay()
    {
        lock (_lock)
        {
            return _initFailures == 0 ? TimeSpan.Zero : Settings.RestartBackoff * (1 << Math.Min(_initFailures - 1, 5));
        }
    }

    /// <summary>A worker process is up.</summary>
    public void OnWorkerReady(PoolWorkerReady ready)
    {
        lock (_lock)
        {
            if (!_workers.TryGetValue(ready.Worker, out var worker))
            {
                return;
            }

            worker.Inbox = ready.Inbox;
            worker.Pid = ready.Pid;
            _initFailures = 0;
            DispatchLocked();
        }
    }

    /// <summary>A worker's initializer threw: when no worker is up, the queued tasks fail with that exception.</summary>
    public void OnWorkerInitFailed(PoolWorkerInitFailed failed)
    {
        List<PoolTask>? dropped = null;
        lock (_lock)
        {
            _initFailures++;
            if (!_workers.Values.Any(w => w.Inbox is not null))
            {
                dropped = TakeQueuedLocked();
            }
        }

        foreach (var task in dropped ?? [])
        {
            task.Sink.OnFailure(task.Index, RemoteErrors.Decode(Serializer, System, failed.Failure));
        }
    }

    /// <summary>
    /// A worker process ended (its results were all received before this): the task it was running fails (or runs
    /// again), the others it had go back to the front of the queue.
    /// </summary>
    /// <returns>True when the worker died (it had work, or a nonzero exit code); false when it retired normally.</returns>
    public bool OnWorkerExited(int workerId, int exitCode)
    {
        PoolTask? crashed = null;
        string? who = null;
        bool died;
        lock (_lock)
        {
            if (!_workers.Remove(workerId, out var worker))
            {
                return exitCode != 0;
            }

            died = exitCode != 0 || worker.InFlight.Count > 0;

            if (worker.InFlight.Count > 0)
            {
                var requeue = new List<PoolTask>(worker.InFlight.Count);
                var running = worker.InFlight.Dequeue();
                _outstanding--;
                if (!running.Sink.IsDone)
                {
                    running.Crashes++;
                    if (running.Crashes <= _maxTaskRetries)
                    {
                        requeue.Add(running);
                        _outstanding++;
                    }
                    else
                    {
                        crashed = running;
                        who = $"{_workerPrefix}{workerId} (pid {worker.Pid})";
                    }
                }

                requeue.AddRange(worker.InFlight);
                worker.InFlight.Clear();
                for (int i = requeue.Count - 1; i >= 0; i--)
                {
                    _retry.AddFirst(requeue[i]);
                }
            }

            DispatchLocked();
        }

        crashed?.Sink.OnFailure(crashed.Index, new WorkerCrashedException(
            $"Worker {who} of {Name} ended with exit code {exitCode} while it ran this task{(_maxTaskRetries > 0 ? $" (tried {crashed.Crashes} times)" : "")}.",
            exitCode));
        return died;
    }

    /// <summary>A worker process could not be started at all: the queued tasks fail with the reason.</summary>
    public void OnStartFailed(int workerId, Exception error)
    {
        List<PoolTask> dropped;
        lock (_lock)
        {
            _workers.Remove(workerId);
            dropped = TakeQueuedLocked();
            DispatchLocked();
        }

        foreach (var task in dropped)
        {
            task.Sink.OnFailure(task.Index, new InvalidOperationException($"{Name} could not start a worker process: {error.Message}", error));
        }
    }

    // Under the lock: removes every task no worker has got yet (retries first, as they would run) and returns them.
    private List<PoolTask> TakeQueuedLocked()
    {
        List<PoolTask> taken = [.. _retry, .. _queue];
        _retry.Clear();
        _queue.Clear();
        _outstanding -= taken.Count;
        return taken;
    }

    /// <summary>Results from a worker (on the remoting reader thread of its connection).</summary>
    public void OnResults(PoolResults results)
    {
        if (HoldsColdStarts)
        {
            // The first result is in: the held workers start now (see PoolRouter).
            Router.Tell(new PoolReleaseColdStarts(), ActorRefs.NoSender);
        }

        int count = results.TaskIds.Length;
        var done = new PoolTask?[count];
        lock (_lock)
        {
            if (!_workers.TryGetValue(results.Worker, out var worker))
            {
                return;
            }

            for (int i = 0; i < count; i++)
            {
                done[i] = TakeInFlight(worker, results.TaskIds[i]);
            }

            if (count > 0)
            {
                // Recent results weigh more: the pace follows the job at hand.
                double perTask = Math.Max(1.0, (double)results.ComputeTicks / count);
                _taskTicks = (_taskTicks * 0.5) + (perTask * 0.5);
            }

            DispatchLocked();
        }

        for (int i = 0; i < count; i++)
        {
            if (done[i] is not { } task || task.Sink.IsDone)
            {
                continue;
            }

            if (results.Outcomes[i] == (byte)PoolOutcome.Completed)
            {
                task.Sink.OnResult(task.Index, results.Payloads[i]);
            }
            else
            {
                task.Sink.OnFailure(task.Index, RemoteErrors.Decode(Serializer, System, results.Payloads[i]));
            }
        }
    }

    private PoolTask? TakeInFlight(PoolWorkerState worker, long id)
    {
        if (worker.InFlight.TryPeek(out var head) && head.Id == id)
        {
            worker.InFlight.Dequeue();
            _outstanding--;
            return head;
        }

        // Not expected (a worker reports in order); tolerate it rather than lose a result.
        PoolTask? found = null;
        int n = worker.InFlight.Count;
        for (int i = 0; i < n; i++)
        {
            var task = worker.InFlight.Dequeue();
            if (found is null && task.Id == id)
            {
                found = task;
                _outstanding--;
            }
            else
            {
                worker.InFlight.Enqueue(task);
            }
        }

        return found;
    }

    // ---- scheduling (under the lock) ------------------------------------------------------------------------

    private void EnsureRunning()
    {
        if (_state != PoolState.Running)
        {
            throw new InvalidOperationException($"{Name} is {(_state == PoolState.Closing ? "closed" : "terminated")}: it takes no new tasks.");
        }
    }

    private int InFlightLimit() =>
        (int)Math.Clamp(_queuedWorkTicks / _taskTicks, Settings.MinInFlight, Settings.MaxInFlight);

    private void DispatchLocked()
    {
        if (_state == PoolState.Terminated)
        {
            return;
        }

        int pending = _retry.Count + _queue.Count;
        if (pending > 0)
        {
            int limit = InFlightLimit();
            List<PoolWorkerState>? open = null;
            int starting = 0;
            bool anyReady = false;
            foreach (var worker in _workers.Values)
            {
                if (worker.Inbox is null)
                {
                    starting++;
                }
                else
                {
                    anyReady = true;
                    if (!worker.StopSent && Room(worker, limit) > 0)
                    {
                        (open ??= []).Add(worker);
                    }
                }
            }

            if (open is not null)
            {
                // Even shares, counting the workers still starting: they take theirs once ready (the first worker
                // up does not get everything).
                open.Sort(static (a, b) => a.InFlight.Count.CompareTo(b.InFlight.Count));
                for (int k = 0; k < open.Count && pending > 0; k++)
                {
                    int takers = open.Count - k + starting;
                    int share = Math.Min(Room(open[k], limit), (pending + takers - 1) / takers);
                    pending -= Send(open[k], share);
                }
            }

            if (pending > 0 && anyReady && HoldsColdStarts)
            {
                // Work the ready workers cannot take yet: the held workers are needed now.
                Router.Tell(new PoolReleaseColdStarts(), ActorRefs.NoSender);
            }
        }

        if (_state == PoolState.Closing && _outstanding == 0)
        {
            foreach (var worker in _workers.Values)
            {
                if (worker.Inbox is not null && !worker.StopSent)
                {
                    worker.StopSent = true;
                    worker.Inbox.Tell(PoolWork.StopWorker, ActorRefs.NoSender);
                }
            }
        }
    }

    private int Room(PoolWorkerState worker, int limit)
    {
        int room = limit - worker.InFlight.Count;
        return _maxTasksPerChild > 0 ? Math.Min(room, _maxTasksPerChild - worker.Assigned) : room;
    }

    // Takes up to `count` live tasks (first those to retry) and sends them in one batch; returns how many were taken
    // off the queues (dropped ones of finished jobs included).
    private int Send(PoolWorkerState worker, int count)
    {
        var ids = new List<long>(count);
        var runners = new List<int>(count);
        var payloads = new List<byte[]>(count);
        List<RunnerLoad>? loads = null;
        int taken = 0;
        long bytes = 0;
        while (ids.Count < count && (_retry.Count > 0 || _queue.Count > 0))
        {
            var task = _retry.First?.Value ?? _queue.Peek();
            if (ids.Count > 0 && bytes + task.Payload.Length > Settings.MaxBatchBytes)
            {
                break;
            }

            if (_retry.Count > 0)
            {
                _retry.RemoveFirst();
            }
            else
            {
                _queue.Dequeue();
            }

            taken++;
            if (task.Sink.IsDone)
            {
                _outstanding--;
                continue;
            }

            if (worker.Runners.Add(task.Runner.Id))
            {
                (loads ??= []).Add(task.Runner.Load);
            }

            ids.Add(task.Id);
            runners.Add(task.Runner.Id);
            payloads.Add(task.Payload);
            bytes += task.Payload.Length;
            worker.InFlight.Enqueue(task);
        }

        if (ids.Count > 0)
        {
            worker.Assigned += ids.Count;
            var forget = worker.Forget;
            worker.Forget = null;
            // Sent under the lock: batches reach a worker in the order its in-flight queue records.
            worker.Inbox!.Tell(new PoolWork([.. ids], [.. runners], [.. payloads], loads?.ToArray(), forget?.ToArray(), Stop: false), ActorRefs.NoSender);
        }

        return taken;
    }

    private RunnerSpec NewRunner(PoolRunner runner, byte[]? func, bool persistent) =>
        new(Interlocked.Increment(ref _nextRunnerId), Serializer.SerializeToArray<PoolRunner>(runner), func, persistent);

    private void CheckSize(byte[] bytes, string parameter, string what)
    {
        if (bytes.Length > Settings.MaxPayloadBytes)
        {
            throw new ArgumentException(
                $"{what} is {bytes.Length} bytes once serialized, more than the {Settings.MaxPayloadBytes} bytes one message to a worker may carry (actorproc.remote.maximum-frame-size); use a smaller chunksize or pass the data through a shared object.",
                parameter);
        }
    }
}
