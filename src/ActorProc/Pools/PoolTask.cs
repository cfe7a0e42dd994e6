namespace ActorProc.Multiprocessing.Pools;

/// <summary>In the pool: one task (an Apply call, or one chunk of a Map) on its way to a worker and back.</summary>
internal sealed class PoolTask(long id, RunnerSpec runner, byte[] payload, TaskSink sink, int index)
{
    /// <summary>The task's id in this pool.</summary>
    public long Id { get; } = id;

    /// <summary>What runs it.</summary>
    public RunnerSpec Runner { get; } = runner;

    /// <summary>Its serialized argument.</summary>
    public byte[] Payload { get; } = payload;

    /// <summary>Where its outcome goes.</summary>
    public TaskSink Sink { get; } = sink;

    /// <summary>Its position in its job (the chunk number).</summary>
    public int Index { get; } = index;

    /// <summary>How many times a worker died while running it.</summary>
    public int Crashes { get; set; }
}
