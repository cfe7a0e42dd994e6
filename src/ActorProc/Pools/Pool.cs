using ActorProc.Multiprocessing.Pools;

namespace ActorProc.Multiprocessing;

/// <summary>
/// A pool of worker processes, as Python's <c>multiprocessing.Pool</c>: the workers are started once (in parallel,
/// as daemon children) and reused; tasks and chunks of items go to them in batches, and their results come back in
/// batches.
/// </summary>
/// <remarks>
/// <para>A func is a static method, a lambda, or a closure over serializable values and ActorProc handles; one
/// that cannot cross a process boundary (or an item that cannot) fails at submission with an
/// <see cref="ArgumentException"/> naming the field. A map's func crosses to each worker once per job, not once per
/// item.</para>
/// <para>An exception thrown by a func reaches the caller as the same exception type with the same message; its
/// <see cref="Exception.InnerException"/> is a <see cref="RemoteTraceException"/> holding the worker's stack
/// trace. An exception thrown by the input enumerable itself surfaces unwrapped.</para>
/// <para>A worker process that dies (a crash, <see cref="Process.Exit"/>, SIGKILL, the out-of-memory killer) is
/// replaced at once; only the task it was running fails, with <see cref="WorkerCrashedException"/>, or runs again
/// on another worker while <c>maxTaskRetries</c> allows; the tasks it had not started yet go to other workers, and
/// the pool keeps serving. (Python's pool hangs here.)</para>
/// <para>Disposing the pool terminates it (as Python's <c>with Pool() as p:</c>) and joins its workers.</para>
/// </remarks>
public sealed class Pool : IDisposable
{
    private readonly PoolCore _core;

    /// <summary>Starts the worker processes.</summary>
    /// <param name="processes">How many workers; null for <see cref="Process.CpuCount"/>.</param>
    /// <param name="initializer">Runs in each worker when it starts (and in each replacement); null for none.</param>
    /// <param name="maxTasksPerChild">A worker exits after this many tasks (chunks) and is replaced; null to keep workers.</param>
    /// <param name="maxTaskRetries">How many times a task whose worker died is run again on another worker before it fails with <see cref="WorkerCrashedException"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="processes"/> or <paramref name="maxTasksPerChild"/> is below 1, or <paramref name="maxTaskRetries"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="initializer"/> cannot cross a process boundary.</exception>
    public Pool(int? processes = null, Action? initializer = null, int? maxTasksPerChild = null, int maxTaskRetries = 0)
    {
        int count = processes ?? Process.CpuCount;
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(processes), processes, "A pool needs at least 1 process.");
        }

        if (maxTasksPerChild is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxTasksPerChild), maxTasksPerChild, "maxTasksPerChild must be 1 or more (or null for no limit).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxTaskRetries);
        _core = new PoolCore("Pool", count, initializer, maxTasksPerChild, maxTaskRetries);
    }

    /// <summary>The number of worker processes.</summary>
    public int Processes => _core.Processes;

    /// <summary>Runs <paramref name="func"/> in a worker and waits for its result (Python's <c>apply</c>).</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">What to run.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="func"/> cannot cross a process boundary.</exception>
    /// <exception cref="InvalidOperationException">The pool was closed or terminated.</exception>
    /// <exception cref="WorkerCrashedException">The worker died while running it.</exception>
    public TResult Apply<TResult>(Func<TResult> func) => MapJobs.Call(_core, func, null, null).Task.GetAwaiter().GetResult();

    /// <summary>Runs <paramref name="func"/> in a worker without waiting (Python's <c>apply_async</c>).</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">What to run.</param>
    /// <param name="callback">Called once with the result, on a thread-pool thread, before the result is ready.</param>
    /// <param name="errorCallback">Called once with the exception when the task fails (or is cancelled by <see cref="Terminate"/>).</param>
    /// <returns>The pending result.</returns>
    /// <exception cref="ArgumentException"><paramref name="func"/> cannot cross a process boundary.</exception>
    /// <exception cref="InvalidOperationException">The pool was closed or terminated.</exception>
    public AsyncResult<TResult> ApplyAsync<TResult>(Func<TResult> func, Action<TResult>? callback = null, Action<Exception>? errorCallback = null) =>
        new(MapJobs.Call(_core, func, callback, errorCallback).Task);

    /// <summary>Applies <paramref name="func"/> to every item in the workers and returns the results in input order (Python's <c>map</c>).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">What to apply.</param>
    /// <param name="iterable">The items; read completely first.</param>
    /// <param name="chunksize">Items per task; null for Python's default (the items split in about four chunks per worker).</param>
    /// <returns>The results, in the order of the items.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunksize"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="func"/> or an item cannot cross a process boundary.</exception>
    /// <exception cref="InvalidOperationException">The pool was closed or terminated.</exception>
    public List<TResult> Map<T, TResult>(Func<T, TResult> func, IEnumerable<T> iterable, int? chunksize = null) =>
        MapJobs.Map<T, TResult>(_core, new MapRunner<T, TResult>(), func, iterable, chunksize, null, null, null).Task.GetAwaiter().GetResult();

    /// <summary>As <see cref="Map{T, TResult}(Func{T, TResult}, IEnumerable{T}, int?)"/>, reporting how many items are done to <paramref name="progress"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">What to apply.</param>
    /// <param name="iterable">The items.</param>
    /// <param name="progress">Gets (0, total) first, then reports as chunks complete, ending with (total, total) before this returns; never on the caller's thread, never overlapping.</param>
    /// <param name="chunksize">Items per task; null for Python's default.</param>
    /// <returns>The results, in the order of the items.</returns>
    public List<TResult> Map<T, TResult>(Func<T, TResult> func, IEnumerable<T> iterable, IProgress<PoolProgress>? progress, int? chunksize = null) =>
        MapJobs.Map<T, TResult>(_core, new MapRunner<T, TResult>(), func, iterable, chunksize, null, null, progress).Task.GetAwaiter().GetResult();

    /// <summary>Starts a <see cref="Map{T, TResult}(Func{T, TResult}, IEnumerable{T}, int?)"/> without waiting (Python's <c>map_async</c>).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">What to apply.</param>
    /// <param name="iterable">The items; read completely before this returns.</param>
    /// <param name="chunksize">Items per task; null for Python's default.</param>
    /// <param name="callback">Called once with the results, on a thread-pool thread, before the result is ready.</param>
    /// <param name="errorCallback">Called once with the first exception.</param>
    /// <returns>The pending results.</returns>
    public AsyncResult<List<TResult>> MapAsync<T, TResult>(Func<T, TResult> func, IEnumerable<T> iterable, int? chunksize = null, Action<List<TResult>>? callback = null, Action<Exception>? errorCallback = null) =>
        new(MapJobs.Map(_core, new MapRunner<T, TResult>(), func, iterable, chunksize, callback, errorCallback, null).Task);

    /// <summary>As <see cref="MapAsync{T, TResult}(Func{T, TResult}, IEnumerable{T}, int?, Action{List{TResult}}?, Action{Exception}?)"/>, reporting progress.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">What to apply.</param>
    /// <param name="iterable">The items.</param>
    /// <param name="progress">Gets (0, total) first, then reports as chunks complete, ending with (total, total) before the result is ready.</param>
    /// <param name="chunksize">Items per task; null for Python's default.</param>
    /// <param name="callback">Called once with the results.</param>
    /// <param name="errorCallback">Called once with the first exception.</param>
    /// <returns>The pending results.</returns>
    public AsyncResult<List<TResult>> MapAsync<T, TResult>(Func<T, TResult> func, IEnumerable<T> iterable, IProgress<PoolProgress>? progress, int? chunksize = null, Action<List<TResult>>? callback = null, Action<Exception>? errorCallback = null) =>
        new(MapJobs.Map(_core, new MapRunner<T, TResult>(), func, iterable, chunksize, callback, errorCallback, progress).Task);

    /// <summary>
    /// A lazy <see cref="Map{T, TResult}(Func{T, TResult}, IEnumerable{T}, int?)"/> (Python's <c>imap</c>): results in input
    /// order as they become available; the input is read on the consuming thread, at most
    /// <c>actorproc.pool.imap-read-ahead</c> chunks ahead, so it may be huge or endless. Work starts at this call.
    /// The results can be enumerated once; disposing the enumerator early drops the chunks not yet run.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">What to apply.</param>
    /// <param name="iterable">The items.</param>
    /// <param name="chunksize">Items per task.</param>
    /// <returns>The results.</returns>
    public IEnumerable<TResult> Imap<T, TResult>(Func<T, TResult> func, IEnumerable<T> iterable, int chunksize = 1) =>
        MapJobs.Stream(_core, func, iterable, chunksize, ordered: true, _core.Settings.ImapReadAhead, null, null);

    /// <summary>As <see cref="Imap{T, TResult}(Func{T, TResult}, IEnumerable{T}, int)"/>, reporting progress (the total is known when the input's count is).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">What to apply.</param>
    /// <param name="iterable">The items.</param>
    /// <param name="progress">Reports items done as chunks complete.</param>
    /// <param name="chunksize">Items per task.</param>
    /// <returns>The results.</returns>
    public IEnumerable<TResult> Imap<T, TResult>(Func<T, TResult> func, IEnumerable<T> iterable, IProgress<PoolProgress>? progress, int chunksize = 1) =>
        MapJobs.Stream(_core, func, iterable, chunksize, ordered: true, _core.Settings.ImapReadAhead, null, progress);

    /// <summary>As <see cref="Imap{T, TResult}(Func{T, TResult}, IEnumerable{T}, int)"/>, but results come in the order they finish (Python's <c>imap_unordered</c>).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">What to apply.</param>
    /// <param name="iterable">The items.</param>
    /// <param name="chunksize">Items per task.</param>
    /// <returns>The results.</returns>
    public IEnumerable<TResult> ImapUnordered<T, TResult>(Func<T, TResult> func, IEnumerable<T> iterable, int chunksize = 1) =>
        MapJobs.Stream(_core, func, iterable, chunksize, ordered: false, _core.Settings.ImapReadAhead, null, null);

    /// <summary>As <see cref="ImapUnordered{T, TResult}(Func{T, TResult}, IEnumerable{T}, int)"/>, reporting progress.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">What to apply.</param>
    /// <param name="iterable">The items.</param>
    /// <param name="progress">Reports items done as chunks complete.</param>
    /// <param name="chunksize">Items per task.</param>
    /// <returns>The results.</returns>
    public IEnumerable<TResult> ImapUnordered<T, TResult>(Func<T, TResult> func, IEnumerable<T> iterable, IProgress<PoolProgress>? progress, int chunksize = 1) =>
        MapJobs.Stream(_core, func, iterable, chunksize, ordered: false, _core.Settings.ImapReadAhead, null, progress);

    /// <summary>As <see cref="Map{T, TResult}(Func{T, TResult}, IEnumerable{T}, int?)"/> for a func of two arguments given as pairs (Python's <c>starmap</c>).</summary>
    /// <typeparam name="T1">The first argument's type.</typeparam>
    /// <typeparam name="T2">The second argument's type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="func">What to apply.</param>
    /// <param name="iterable">The argument pairs; read completely first.</param>
    /// <param name="chunksize">Pairs per task; null for Python's default.</param>
    /// <returns>The results, in the order of the pairs.</returns>
    public List<TResult> Starmap<T1, T2, TResult>(Func<T1, T2, TResult> func, IEnumerable<(T1, T2)> iterable, int? chunksize = null) =>
        MapJobs.Map<(T1, T2), TResult>(_core, new StarmapRunner<T1, T2, TResult>(), func, iterable, chunksize, null, null, null).Task.GetAwaiter().GetResult();

    /// <summary>No new tasks; the workers exit once the submitted tasks are done.</summary>
    public void Close() => _core.Close();

    /// <summary>Stops the workers now (busy ones too); results not ready yet are cancelled (<see cref="OperationCanceledException"/>).</summary>
    public void Terminate() => _core.Terminate();

    /// <summary>Waits until every worker process has ended.</summary>
    /// <exception cref="InvalidOperationException">Neither <see cref="Close"/> nor <see cref="Terminate"/> was called.</exception>
    public void Join()
    {
        if (_core.IsRunning)
        {
            throw new InvalidOperationException($"{_core.Name} is still running: call Close or Terminate before Join.");
        }

        _core.Stopped.GetAwaiter().GetResult();
    }

    /// <summary>Terminates the pool and joins its workers.</summary>
    public void Dispose()
    {
        Terminate();
        Join();
    }
}
