namespace ActorProc.Multiprocessing.Pools;

/// <summary>Starts the jobs that Pool and ProcessPoolExecutor share: Apply-style calls, maps with one result list, and streamed maps.</summary>
internal static class MapJobs
{
    // After the first chunk (sent at once, so a worker starts while the rest is serialized) chunks are submitted in groups.
    private const int SubmitGroup = 64;

    /// <summary>Submits one call of <paramref name="func"/>.</summary>
    /// <exception cref="ArgumentException">The func cannot cross a process boundary.</exception>
    /// <exception cref="InvalidOperationException">The pool takes no new tasks.</exception>
    public static ApplySink<TResult> Call<TResult>(PoolCore core, Func<TResult> func, Action<TResult>? callback, Action<Exception>? errorCallback)
    {
        ArgumentNullException.ThrowIfNull(func);
        var sink = new ApplySink<TResult>(core, callback, errorCallback);
        core.Submit(core.NewTask(core.CallRunner<TResult>(), core.SerializeFunc(func, nameof(func), "The func"), sink, 0));
        return sink;
    }

    /// <summary>Submits one call of <paramref name="action"/>.</summary>
    /// <exception cref="ArgumentException">The action cannot cross a process boundary.</exception>
    /// <exception cref="InvalidOperationException">The pool takes no new tasks.</exception>
    public static ApplySink<byte> Call(PoolCore core, Action action, string parameter)
    {
        ArgumentNullException.ThrowIfNull(action, parameter);
        var sink = new ApplySink<byte>(core);
        core.Submit(core.NewTask(core.ActionCallRunner(), core.SerializeFunc(action, parameter, "The func"), sink, 0));
        return sink;
    }

    /// <summary>
    /// Reads the whole input (on the caller's thread: its exceptions surface unwrapped), cuts it in chunks of
    /// <paramref name="chunksize"/> (Python's default when null) and submits them as one job.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunksize"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The func or an item cannot cross a process boundary.</exception>
    /// <exception cref="InvalidOperationException">The pool takes no new tasks.</exception>
    public static MapSink<TResult> Map<TItem, TResult>(
        PoolCore core,
        PoolRunner runner,
        Delegate func,
        IEnumerable<TItem> iterable,
        int? chunksize,
        Action<List<TResult>>? callback,
        Action<Exception>? errorCallback,
        IProgress<PoolProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(func);
        ArgumentNullException.ThrowIfNull(iterable);
        if (chunksize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chunksize), chunksize, "The chunksize must be 1 or more.");
        }

        if (!core.IsRunning)
        {
            throw new InvalidOperationException($"{core.Name} is closed or terminated: it takes no new tasks.");
        }

        var items = iterable as TItem[] ?? [.. iterable];
        int size = chunksize ?? core.DefaultChunksize(items.Length);
        var spec = core.JobRunner(runner, func, nameof(func));
        var sink = new MapSink<TResult>(core, spec, items.Length, size, callback, errorCallback, progress);
        try
        {
            var group = new List<PoolTask>();
            for (int start = 0, index = 0; start < items.Length; start += size, index++)
            {
                var chunk = items.AsSpan(start, Math.Min(size, items.Length - start)).ToArray();
                group.Add(core.NewTask(spec, core.SerializeChunk(chunk, start), sink, index));
                if (index == 0 || group.Count >= SubmitGroup)
                {
                    core.Submit(group);
                    group = [];
                }
            }

            if (group.Count > 0)
            {
                core.Submit(group);
            }
        }
        catch
        {
            sink.Abandon();
            throw;
        }

        sink.CompleteIfEmpty();
        return sink;
    }

    /// <summary>A streamed map (Imap, ImapUnordered).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunksize"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The func or an item cannot cross a process boundary.</exception>
    /// <exception cref="InvalidOperationException">The pool takes no new tasks.</exception>
    public static IEnumerable<TResult> Stream<T, TResult>(PoolCore core, Func<T, TResult> func, IEnumerable<T> iterable, int chunksize, bool ordered, int readAhead, TimeSpan? timeout, IProgress<PoolProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(func);
        ArgumentNullException.ThrowIfNull(iterable);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunksize, 1);
        if (!core.IsRunning)
        {
            throw new InvalidOperationException($"{core.Name} is closed or terminated: it takes no new tasks.");
        }

        return new ImapStream<T, TResult>(core, core.JobRunner(new MapRunner<T, TResult>(), func, nameof(func)), iterable, chunksize, ordered, readAhead, timeout, progress);
    }
}
