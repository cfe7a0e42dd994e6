namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// In the pool: where the outcomes of a job's tasks go (an Apply's result, a Map's list, an Imap's stream). The
/// pool calls it outside its lock, from the thread that received the outcome (a remoting reader) or from the
/// thread that noticed a worker died; a sink that <see cref="IsDone"/> gets no further tasks run.
/// </summary>
internal abstract class TaskSink
{
    private int _done;

    /// <summary>True once the job has its outcome (or its consumer went away): its queued tasks are dropped.</summary>
    public bool IsDone => Volatile.Read(ref _done) != 0;

    /// <summary>A task completed; <paramref name="payload"/> is its serialized result.</summary>
    public abstract void OnResult(int index, byte[] payload);

    /// <summary>A task failed (its func threw, its worker died, or its result could not be read).</summary>
    public abstract void OnFailure(int index, Exception error);

    /// <summary>The task will not run: the pool was terminated, or the executor cancelled its queued futures.</summary>
    public abstract void OnCancelled();

    /// <summary>Marks the job done; true for the call that did it.</summary>
    protected bool MarkDone() => Interlocked.Exchange(ref _done, 1) == 0;
}
