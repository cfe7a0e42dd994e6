using System.Diagnostics;
using ActorProc.Actors;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// The loop of a worker process: it takes batches from its <see cref="PoolWorkerInbox"/>, runs their tasks in
/// order on its own thread, and sends the results back in batches. Results go out as soon as the worker has
/// nothing else queued, after <see cref="PoolSettings.MaxBatchResults"/> results or
/// <see cref="PoolSettings.MaxBatchBytes"/> bytes, and at the latest <see cref="PoolSettings.ResultFlushDelay"/>
/// after the oldest unsent one (a timer, for a quick task followed by a long one), and before the process exits.
/// </summary>
internal sealed class PoolWorker : IDisposable
{
    private static PoolWorker? _current;

    private readonly object _gate = new();
    private readonly Serializer _serializer;
    private readonly ActorSystem _system;
    private readonly IActorRef _results;
    private readonly int _workerId;
    private readonly int _maxTasks;
    private readonly PoolSettings _settings;
    private readonly Dictionary<int, (PoolRunner? Runner, Exception? LoadError)> _runners = [];
    private readonly List<long> _ids = [];
    private readonly List<byte> _outcomes = [];
    private readonly List<byte[]> _payloads = [];
    private readonly Timer _timer;
    private readonly long _flushDelayTicks;
    private long _bytes;
    private long _ticks;
    private long _firstBuffered;
    private int _done;

    /// <summary>A worker sending its results to <paramref name="results"/>.</summary>
    /// <param name="serializer">This process's serializer.</param>
    /// <param name="system">This process's actor system.</param>
    /// <param name="results">Where batches of results go.</param>
    /// <param name="workerId">The worker's id in its pool.</param>
    /// <param name="maxTasks">Tasks to run before the worker retires; 0 for no limit.</param>
    /// <param name="settings">The pool's settings.</param>
    /// <param name="flushOnExit">Whether <see cref="FlushOnExit"/> sends this worker's results (false for a spare's warm-up run).</param>
    public PoolWorker(Serializer serializer, ActorSystem system, IActorRef results, int workerId, int maxTasks, PoolSettings settings, bool flushOnExit = true)
    {
        _serializer = serializer;
        _system = system;
        _results = results;
        _workerId = workerId;
        _maxTasks = maxTasks;
        _settings = settings;
        _flushDelayTicks = (long)(settings.ResultFlushDelay.TotalSeconds * Stopwatch.Frequency);
        _timer = new Timer(static s => ((PoolWorker)s!).FlushIfOld(), this, Timeout.Infinite, Timeout.Infinite);
        Inbox = PoolWorkerInbox.Create(system);
        if (flushOnExit)
        {
            Volatile.Write(ref _current, this);
        }
    }

    /// <summary>Where the pool sends work.</summary>
    public PoolWorkerInbox Inbox { get; }

    /// <summary>Sends the results of the worker in this process (called when the process exits, e.g. by <see cref="Process.Exit"/> in a task).</summary>
    public static void FlushOnExit() => Volatile.Read(ref _current)?.Flush();

    /// <summary>Runs batches until the pool says stop or the worker has run its maximum number of tasks.</summary>
    public void Run()
    {
        while (true)
        {
            if (Inbox.IsEmpty)
            {
                Flush();
            }

            var work = Inbox.Take();
            if (work.Stop)
            {
                Flush();
                return;
            }

            Forget(work.Forget);
            Load(work.Loads);
            for (int i = 0; i < work.TaskIds.Length; i++)
            {
                RunTask(work.TaskIds[i], work.Runners[i], work.Payloads[i]);
                if (_maxTasks > 0 && ++_done >= _maxTasks)
                {
                    Flush();
                    return;
                }
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Interlocked.CompareExchange(ref _current, null, this);
        _timer.Dispose();
        Inbox.Dispose();
    }

    private void RunTask(long id, int runnerId, byte[] payload)
    {
        long start = Stopwatch.GetTimestamp();
        PoolOutcome outcome;
        byte[] result;
        try
        {
            if (!_runners.TryGetValue(runnerId, out var entry))
            {
                throw new InvalidOperationException($"Runner {runnerId} was not shipped to this worker.");
            }

            if (entry.LoadError is { } loadError)
            {
                throw loadError;
            }

            result = entry.Runner!.Run(_serializer, _system, payload);
            outcome = PoolOutcome.Completed;
            if (result.Length > _settings.MaxPayloadBytes)
            {
                throw new SerializationException($"The result of the task is {result.Length} bytes, more than the {_settings.MaxPayloadBytes} bytes one message may carry (actorproc.remote.maximum-frame-size).");
            }
        }
        catch (Exception e)
        {
            outcome = PoolOutcome.Failed;
            result = RemoteErrors.Encode(_serializer, e);
        }

        Add(id, outcome, result, Stopwatch.GetTimestamp() - start);
    }

    private void Load(RunnerLoad[]? loads)
    {
        if (loads is null)
        {
            return;
        }

        foreach (var load in loads)
        {
            try
            {
                var runner = _serializer.Deserialize<PoolRunner>(load.Runner, _system);
                runner.Load(_serializer, _system, load.Func);
                _runners[load.Id] = (runner, null);
            }
            catch (Exception e)
            {
                // Every task of this runner fails with the reason.
                _runners[load.Id] = (null, e);
            }
        }
    }

    private void Forget(int[]? forget)
    {
        if (forget is null)
        {
            return;
        }

        foreach (int id in forget)
        {
            _runners.Remove(id);
        }
    }

    private void Add(long id, PoolOutcome outcome, byte[] payload, long ticks)
    {
        lock (_gate)
        {
            if (_bytes + payload.Length > _settings.MaxBatchBytes && _ids.Count > 0)
            {
                FlushLocked();
            }

            if (_ids.Count == 0)
            {
                _firstBuffered = Stopwatch.GetTimestamp();
                _timer.Change(_settings.ResultFlushDelay, Timeout.InfiniteTimeSpan);
            }

            _ids.Add(id);
            _outcomes.Add((byte)outcome);
            _payloads.Add(payload);
            _bytes += payload.Length;
            _ticks += ticks;
            if (_ids.Count >= _settings.MaxBatchResults || _bytes >= _settings.MaxBatchBytes)
            {
                FlushLocked();
            }
        }
    }

    private void Flush()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    private void FlushIfOld()
    {
        lock (_gate)
        {
            if (_ids.Count == 0)
            {
                return;
            }

            long age = Stopwatch.GetTimestamp() - _firstBuffered;
            if (age >= _flushDelayTicks)
            {
                FlushLocked();
            }
            else
            {
                _timer.Change(TimeSpan.FromSeconds((double)(_flushDelayTicks - age) / Stopwatch.Frequency), Timeout.InfiniteTimeSpan);
            }
        }
    }

    // Sent under the gate: batches leave in the order their tasks ran.
    private void FlushLocked()
    {
        if (_ids.Count == 0)
        {
            return;
        }

        var results = new PoolResults(_workerId, [.. _ids], [.. _outcomes], [.. _payloads], _ticks);
        _ids.Clear();
        _outcomes.Clear();
        _payloads.Clear();
        _bytes = 0;
        _ticks = 0;
        _results.Tell(results, ActorRefs.NoSender);
    }
}
