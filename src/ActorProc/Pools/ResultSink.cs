namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// A job with one outcome (Apply, Map): a task that completes once. With callbacks or progress, the last progress
/// report, then the callback run on the job's <see cref="SerialQueue"/> before the result becomes ready (as
/// Python's pool calls the callback before the result is set); each callback runs at most once.
/// </summary>
/// <typeparam name="TOut">The job's result.</typeparam>
internal abstract class ResultSink<TOut> : TaskSink
{
    private readonly TaskCompletionSource<TOut> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<TOut>? _callback;
    private readonly Action<Exception>? _errorCallback;
    private readonly SerialQueue? _serial;

    protected ResultSink(PoolCore core, RunnerSpec? jobRunner, Action<TOut>? callback, Action<Exception>? errorCallback, IProgress<PoolProgress>? progress, int? total)
    {
        Core = core;
        JobRunner = jobRunner;
        _callback = callback;
        _errorCallback = errorCallback;
        if (callback is not null || errorCallback is not null || progress is not null)
        {
            _serial = new SerialQueue();
        }

        if (progress is not null)
        {
            Progress = new ProgressPump(progress, total, _serial!);
            Progress.Start();
        }
    }

    /// <summary>Completes with the job's result.</summary>
    public Task<TOut> Task => _result.Task;

    /// <summary>The pool.</summary>
    protected PoolCore Core { get; }

    /// <summary>The job's own runner (released on the workers when the job ends); null for Apply.</summary>
    protected RunnerSpec? JobRunner { get; }

    /// <summary>The progress reporter, if the caller asked for progress.</summary>
    protected ProgressPump? Progress { get; }

    /// <inheritdoc />
    public override void OnFailure(int index, Exception error) => Fail(error);

    /// <summary>Submission failed part-way: the tasks already queued are dropped and the runner released.</summary>
    public void Abandon()
    {
        if (MarkDone())
        {
            Release();
        }
    }

    /// <inheritdoc />
    public override void OnCancelled()
    {
        if (!MarkDone())
        {
            return;
        }

        Release();
        if (_serial is null)
        {
            _result.TrySetCanceled();
            return;
        }

        _serial.Post(() =>
        {
            try
            {
                _errorCallback?.Invoke(new OperationCanceledException("The pool was terminated (or the task was cancelled) before the task ran."));
            }
            finally
            {
                _result.TrySetCanceled();
            }
        });
    }

    /// <summary>The job succeeded.</summary>
    protected void Succeed(TOut value)
    {
        if (!MarkDone())
        {
            return;
        }

        Release();
        if (_serial is null)
        {
            _result.TrySetResult(value);
            return;
        }

        _serial.Post(() =>
        {
            try
            {
                _callback?.Invoke(value);
            }
            finally
            {
                _result.TrySetResult(value);
            }
        });
    }

    /// <summary>The job failed with <paramref name="error"/> (the first failure wins).</summary>
    protected void Fail(Exception error)
    {
        if (!MarkDone())
        {
            return;
        }

        Release();
        if (_serial is null)
        {
            _result.TrySetException(error);
            return;
        }

        _serial.Post(() =>
        {
            try
            {
                _errorCallback?.Invoke(error);
            }
            finally
            {
                _result.TrySetException(error);
            }
        });
    }

    private void Release()
    {
        if (JobRunner is not null)
        {
            Core.ReleaseRunner(JobRunner);
        }
    }
}
