using ActorProc.Multiprocessing.Pools;

namespace ActorProc.Multiprocessing;

/// <summary>
/// Python's <c>concurrent.futures.ProcessPoolExecutor</c> on the same worker processes as <see cref="Pool"/>: futures
/// are <see cref="Task"/>s. Disposal is <c>Shutdown(wait: true)</c>, so a <c>using</c> block waits for the work.
/// </summary>
/// <remarks>
/// A worker that dies fails only the future it was running (with <see cref="WorkerCrashedException"/>, or runs it
/// again while <c>maxTaskRetries</c> allows) and is replaced; the executor keeps serving. (Python's executor
/// breaks as a whole here.) An exception thrown by a function reaches the future as the same type with the same
/// message and a <see cref="RemoteTraceException"/> inner exception.
/// </remarks>
public sealed class ProcessPoolExecutor : IDisposable, IAsyncDisposable
{
    private readonly PoolCore _core;

    /// <summary>Starts the worker processes.</summary>
    /// <param name="maxWorkers">How many workers; null for <see cref="Process.CpuCount"/>.</param>
    /// <param name="initializer">Runs in each worker when it starts; null for none.</param>
    /// <param name="maxTasksPerChild">A worker exits after this many tasks and is replaced; null to keep workers.</param>
    /// <param name="maxTaskRetries">How many times a task whose worker died is run again before it fails.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxWorkers"/> or <paramref name="maxTasksPerChild"/> is below 1, or <paramref name="maxTaskRetries"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="initializer"/> cannot cross a process boundary.</exception>
    public ProcessPoolExecutor(int? maxWorkers = null, Action? initializer = null, int? maxTasksPerChild = null, int maxTaskRetries = 0)
    {
        int count = maxWorkers ?? Process.CpuCount;
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWorkers), maxWorkers, "An executor needs at least 1 worker.");
        }

        if (maxTasksPerChild is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTasksPerChild), maxTasksPerChild, "maxTasksPerChild must be 1 or more (or null for no limit).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxTaskRetries);
        _core = new PoolCore("ProcessPoolExecutor", count, initializer, maxTasksPerChild, maxTaskRetries);
    }

    /// <summary>The number of worker processes.</summary>
    public int MaxWorkers => _core.Processes;

    /// <summary>Schedules <paramref name="fn"/> on a worker.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="fn">What to run.</param>
    /// <returns>The future: completes with the result, faults with the function's exception, or is cancelled by <c>Shutdown(cancelFutures: true)</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="fn"/> cannot cross a process boundary.</exception>
    /// <exception cref="InvalidOperationException">The executor was shut down.</exception>
    public Task<TResult> Submit<TResult>(Func<TResult> fn) => MapJobs.Call(_core, fn, null, null).Task;

    /// <summary>Schedules <paramref name="fn"/> on a worker.</summary>
    /// <param name="fn">What to run.</param>
    /// <returns>The future.</returns>
    /// <exception cref="ArgumentException"><paramref name="fn"/> cannot cross a process boundary.</exception>
    /// <exception cref="InvalidOperationException">The executor was shut down.</exception>
    public Task Submit(Action fn) => MapJobs.Call(_core, fn, nameof(fn)).Task;

    /// <summary>
    /// Applies <paramref name="fn"/> to every item (as Python's <c>Executor.map</c>: every item is submitted now, the
    /// results are enumerated in input order). A function's exception is thrown when its result is reached.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="fn">What to apply.</param>
    /// <param name="iterable">The items; read completely by this call.</param>
    /// <param name="timeout">How long after this call every result must be there; enumerating past it throws <see cref="TimeoutException"/>. Null waits for ever.</param>
    /// <param name="chunksize">Items per task.</param>
    /// <returns>The results, enumerable once.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunksize"/> is below 1, or <paramref name="timeout"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="fn"/> or an item cannot cross a process boundary.</exception>
    /// <exception cref="InvalidOperationException">The executor was shut down.</exception>
    public IEnumerable<TResult> Map<T, TResult>(Func<T, TResult> fn, IEnumerable<T> iterable, TimeSpan? timeout = null, int chunksize = 1)
    {
        ArgumentNullException.ThrowIfNull(iterable);
        if (timeout is { } t)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(t, TimeSpan.Zero, nameof(timeout));
        }

        var items = iterable as T[] ?? [.. iterable];
        return MapJobs.Stream(_core, fn, items, chunksize, ordered: true, int.MaxValue, timeout, null);
    }

    /// <summary>
    /// No new submissions (they throw <see cref="InvalidOperationException"/>); the workers exit once the submitted
    /// work is done.
    /// </summary>
    /// <param name="wait">Wait until every worker has exited.</param>
    /// <param name="cancelFutures">Cancel the futures that no worker has started.</param>
    public void Shutdown(bool wait = true, bool cancelFutures = false)
    {
        _core.Close();
        if (cancelFutures)
        {
            _core.CancelQueued();
        }

        if (wait)
        {
            _core.Stopped.GetAwaiter().GetResult();
        }
    }

    /// <summary><c>Shutdown(wait: true)</c>.</summary>
    public void Dispose() => Shutdown(wait: true);

    /// <summary><c>Shutdown</c>, then waits for the workers without blocking a thread.</summary>
    /// <returns>Completes when every worker has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        Shutdown(wait: false);
        await _core.Stopped.ConfigureAwait(false);
    }
}
