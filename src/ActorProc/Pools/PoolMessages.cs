using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>Parent to worker: run these tasks in order (or, with <paramref name="Stop"/>, finish and exit).</summary>
/// <param name="TaskIds">The tasks' ids, reported back with their results.</param>
/// <param name="Runners">For each task, the id of the runner that runs it.</param>
/// <param name="Payloads">For each task, its serialized argument (a chunk of items, or a func for Apply).</param>
/// <param name="Loads">Runners this worker does not have yet, sent once before their first task.</param>
/// <param name="Forget">Runners whose job has ended: the worker drops them.</param>
/// <param name="Stop">The pool is closing and has nothing more for this worker: exit once the queue is empty.</param>
internal sealed record PoolWork(long[] TaskIds, int[] Runners, byte[][] Payloads, RunnerLoad[]? Loads, int[]? Forget, bool Stop)
{
    /// <summary>The message that ends a worker.</summary>
    public static readonly PoolWork StopWorker = new([], [], [], null, null, Stop: true);
}

/// <summary>A runner shipped to a worker: the serialized <see cref="PoolRunner"/> and the func it runs (null when each task brings its own).</summary>
internal sealed record RunnerLoad(int Id, byte[] Runner, byte[]? Func);

/// <summary>Worker to parent (the pool's inbox): results of tasks, in the order the tasks were sent.</summary>
/// <param name="Worker">The worker's id.</param>
/// <param name="TaskIds">The tasks.</param>
/// <param name="Outcomes">For each task, <see cref="PoolOutcome"/> as a byte.</param>
/// <param name="Payloads">For each task, the serialized result or <see cref="RemoteFailure"/>.</param>
/// <param name="ComputeTicks">Stopwatch ticks spent running these tasks (paces how much work is sent ahead).</param>
internal sealed record PoolResults(int Worker, long[] TaskIds, byte[] Outcomes, byte[][] Payloads, long ComputeTicks);

/// <summary>How a task ended.</summary>
internal enum PoolOutcome : byte
{
    /// <summary>The payload is the serialized result.</summary>
    Completed = 0,

    /// <summary>The payload is a serialized <see cref="RemoteFailure"/>.</summary>
    Failed = 1,
}

/// <summary>Worker to router: the worker process is up and takes work at <paramref name="Inbox"/>.</summary>
internal sealed record PoolWorkerReady(int Worker, IActorRef Inbox, int Pid);

/// <summary>Worker to router: the pool's initializer threw in the worker (a serialized <see cref="RemoteFailure"/>); the worker exits.</summary>
internal sealed record PoolWorkerInitFailed(int Worker, byte[] Failure);

/// <summary>Local, slot to itself: the worker process ended.</summary>
internal sealed record PoolWorkerExited(int Worker, int ExitCode);

/// <summary>Local, slot to itself: start the worker process now (after a back-off).</summary>
internal sealed record PoolStartWorker;

/// <summary>Local, to the router (its timer) and from it to its slots: slots held back until there is demand (or a first result) may start theirs now.</summary>
internal sealed record PoolReleaseColdStarts;

/// <summary>Local, to the router and its slots: kill the worker processes now (<see cref="Pool.Terminate"/>).</summary>
internal sealed record PoolKillWorkers;
