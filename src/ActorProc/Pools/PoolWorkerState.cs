using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>In the pool (under its lock): what it knows of one worker process.</summary>
internal sealed class PoolWorkerState(int id)
{
    /// <summary>The worker's id (a new one for each process, also when a slot replaces a dead worker).</summary>
    public int Id { get; } = id;

    /// <summary>Where the worker takes work; null until it reported ready.</summary>
    public IActorRef? Inbox { get; set; }

    /// <summary>The worker's pid; 0 until it reported ready.</summary>
    public int Pid { get; set; }

    /// <summary>The tasks sent to it and not reported yet, in the order sent (the order it runs them).</summary>
    public System.Collections.Generic.Queue<PoolTask> InFlight { get; } = new();

    /// <summary>The runners it holds.</summary>
    public HashSet<int> Runners { get; } = [];

    /// <summary>Runners to tell it to drop with the next batch.</summary>
    public List<int>? Forget { get; set; }

    /// <summary>How many tasks were sent to it in all (for <c>maxTasksPerChild</c>).</summary>
    public int Assigned { get; set; }

    /// <summary>True once it was told to stop.</summary>
    public bool StopSent { get; set; }
}
