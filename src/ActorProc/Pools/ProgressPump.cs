namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// Reports a job's progress to the user's <see cref="IProgress{T}"/> through the job's <see cref="SerialQueue"/>:
/// reports never overlap, never go backwards, and bursts of results are coalesced into one report.
/// </summary>
internal sealed class ProgressPump(IProgress<PoolProgress> target, int? total, SerialQueue queue)
{
    private int _done;
    private int _pending;
    private int _reported = -1;

    /// <summary>Reports 0 of <c>total</c> (the start), ahead of any result.</summary>
    public void Start() => queue.Post(() =>
    {
        _reported = 0;
        target.Report(new PoolProgress(0, total));
    });

    /// <summary>Counts <paramref name="items"/> more items as done.</summary>
    public void Add(int items)
    {
        Interlocked.Add(ref _done, items);
        Schedule();
    }

    private void Schedule()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            queue.Post(Report);
        }
    }

    private void Report()
    {
        Volatile.Write(ref _pending, 0);
        int done = Volatile.Read(ref _done);
        if (done > _reported)
        {
            _reported = done;
            target.Report(new PoolProgress(done, total));
        }
    }
}
