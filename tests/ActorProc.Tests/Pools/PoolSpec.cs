using ActorProc.Multiprocessing;
using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Pools;

/// <summary>Pool members on a shared pool of two workers (results, order, laziness, errors, progress, callbacks).</summary>
[Collection(SharedPoolCollection.Name)]
public sealed class PoolSpec(SharedPoolFixture fixture)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private readonly Pool _pool = fixture.Pool;

    [Fact]
    public void Apply_runs_the_func_in_a_worker_process_and_returns_its_result()
    {
        int pid = _pool.Apply(() => Environment.ProcessId);
        Assert.NotEqual(Environment.ProcessId, pid);
        Assert.Equal("hi 42", _pool.Apply(() => "hi " + (6 * 7)));
    }

    [Fact]
    public void Apply_carries_captured_values_to_the_worker()
    {
        var numbers = new List<int> { 1, 2, 3 };
        string prefix = "sum=";
        Assert.Equal("sum=6", _pool.Apply(() => prefix + numbers.Sum()));
    }

    [Fact]
    public async Task ApplyAsync_is_awaitable_and_Get_Ready_Successful_report_the_outcome()
    {
        var result = _pool.ApplyAsync(() => 21 * 2);
        Assert.Equal(42, await result);
        Assert.Equal(42, result.Get(Long));
        Assert.True(result.Ready);
        Assert.True(result.Successful);
    }

    [Fact]
    public void ApplyAsync_runs_the_callback_once_off_the_caller_thread_before_the_result_is_ready()
    {
        int caller = Environment.CurrentManagedThreadId;
        int calls = 0;
        int callbackThread = 0;
        int seen = 0;
        var result = _pool.ApplyAsync(() => 5, callback: value =>
        {
            Interlocked.Increment(ref calls);
            callbackThread = Environment.CurrentManagedThreadId;
            seen = value;
        });

        Assert.Equal(5, result.Get(Long));
        Assert.Equal(1, Volatile.Read(ref calls));
        Assert.Equal(5, seen);
        Assert.NotEqual(caller, callbackThread);
    }

    [Fact]
    public void ApplyAsync_error_callback_gets_the_workers_exception_once_and_Get_rethrows_it()
    {
        var errors = new List<Exception>();
        bool callbackCalled = false;
        var result = _pool.ApplyAsync<int>(() => throw new KeyNotFoundException("no such key"), callback: _ => callbackCalled = true, errorCallback: e =>
        {
            lock (errors)
            {
                errors.Add(e);
            }
        });

        var thrown = Assert.Throws<KeyNotFoundException>(() => result.Get(Long));
        Assert.Equal("no such key", thrown.Message);
        Assert.False(result.Successful);
        Assert.False(callbackCalled);
        Assert.Single(errors);
        Assert.Same(thrown, errors[0]);
    }

    [Fact]
    public void Get_throws_TimeoutException_and_Successful_throws_while_the_task_runs()
    {
        var gate = new mp.Event();
        var result = _pool.ApplyAsync(() => gate.Wait(Long));

        Assert.Throws<TimeoutException>(() => result.Get(TimeSpan.FromMilliseconds(50)));
        Assert.False(result.Ready);
        Assert.Throws<InvalidOperationException>(() => result.Successful);
        result.Wait(TimeSpan.FromMilliseconds(10));
        Assert.False(result.Ready);

        gate.Set();
        Assert.True(result.Get(Long));
    }

    [Fact]
    public void An_exception_in_a_worker_arrives_with_its_type_message_and_a_RemoteTraceException_with_the_worker_stack()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _pool.Apply(() => PoolTasks.Fail(3)));

        Assert.Equal("item 3 is bad", error.Message);
        var trace = Assert.IsType<RemoteTraceException>(error.InnerException);
        Assert.Contains(nameof(PoolTasks.Fail), trace.RemoteStackTrace, StringComparison.Ordinal);
        Assert.Contains("item 3 is bad", trace.Message, StringComparison.Ordinal);
        Assert.Contains("pid", trace.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_that_cannot_be_serialized_still_arrives_with_its_type_and_message()
    {
        var error = Assert.Throws<UnsendableException>(() => _pool.Apply<int>(() => throw new UnsendableException("no pointer for you")));
        Assert.Equal("no pointer for you", error.Message);
        Assert.IsType<RemoteTraceException>(error.InnerException);
    }

    [Fact]
    public void Map_returns_results_in_input_order_for_default_and_explicit_chunksizes()
    {
        var input = Enumerable.Range(0, 1000).ToList();
        var expected = input.Select(PoolTasks.Double).ToList();

        Assert.Equal(expected, _pool.Map(PoolTasks.Double, input));
        Assert.Equal(expected, _pool.Map(PoolTasks.Double, input, chunksize: 1));
        Assert.Equal(expected, _pool.Map(PoolTasks.Double, input, chunksize: 7));
        Assert.Equal(expected, _pool.Map(PoolTasks.Double, input, chunksize: 5000));
        Assert.Empty(_pool.Map(PoolTasks.Double, Array.Empty<int>()));
    }

    [Fact]
    public void Map_rejects_a_chunksize_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _pool.Map(PoolTasks.Double, [1, 2], chunksize: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _pool.Imap(PoolTasks.Double, [1, 2], chunksize: 0));
    }

    [Fact]
    public void Map_rethrows_a_workers_exception_as_the_same_type()
    {
        var error = Assert.Throws<FormatException>(() => _pool.Map(x => PoolTasks.FailOn(x, 77), Enumerable.Range(0, 100), chunksize: 10));
        Assert.Equal("cannot handle 77", error.Message);
        Assert.IsType<RemoteTraceException>(error.InnerException);
    }

    [Fact]
    public void An_exception_thrown_by_the_input_itself_surfaces_unwrapped()
    {
        var mapError = Assert.Throws<InvalidDataException>(() => _pool.Map(PoolTasks.Double, PoolTasks.ThrowsAfter(5)));
        Assert.Null(mapError.InnerException);

        var results = new List<int>();
        var imapError = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (int r in _pool.Imap(PoolTasks.Double, PoolTasks.ThrowsAfter(5)))
            {
                results.Add(r);
            }
        });
        Assert.Null(imapError.InnerException);
        Assert.Equal([0, 2, 4, 6, 8], results);
    }

    [Fact]
    public void MapAsync_completes_with_the_list_runs_the_callback_once_and_reports_progress()
    {
        var progress = new ProgressLog();
        List<int>? fromCallback = null;
        int calls = 0;
        var result = _pool.MapAsync(PoolTasks.Double, Enumerable.Range(0, 200), progress, chunksize: 10, callback: list =>
        {
            Interlocked.Increment(ref calls);
            fromCallback = list;
        });

        var list = result.Get(Long);
        Assert.Equal(Enumerable.Range(0, 200).Select(PoolTasks.Double), list);
        Assert.Same(list, fromCallback);
        Assert.Equal(1, calls);
        var reports = progress.Reports;
        Assert.Equal(new PoolProgress(0, 200), reports[0]);
        Assert.Equal(new PoolProgress(200, 200), reports[^1]);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.Done < p.Second.Done), "reports only go forward");
    }

    [Fact]
    public void Map_with_progress_reports_the_total_before_it_returns()
    {
        var progress = new ProgressLog();
        var list = _pool.Map(PoolTasks.Double, Enumerable.Range(0, 50), progress, chunksize: 5);
        Assert.Equal(50, list.Count);
        Assert.Equal(new PoolProgress(50, 50), progress.Reports[^1]);
    }

    [Fact]
    public void MapAsync_error_callback_gets_the_first_failure()
    {
        Exception? seen = null;
        var result = _pool.MapAsync(x => PoolTasks.FailOn(x, 3), Enumerable.Range(0, 10), chunksize: 1, errorCallback: e => seen = e);
        var error = Assert.Throws<FormatException>(() => result.Get(Long));
        Assert.Same(error, seen);
        Assert.False(result.Successful);
    }

    [Fact]
    public void Starmap_applies_a_two_argument_func_to_pairs_in_order()
    {
        var pairs = Enumerable.Range(0, 100).Select(i => (i, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var results = _pool.Starmap((int n, string s) => s + ":" + (n * n), pairs);
        Assert.Equal(pairs.Select(p => p.Item2 + ":" + (p.Item1 * p.Item1)), results);
    }

    [Fact]
    public void Imap_streams_the_first_result_while_a_later_item_is_still_running()
    {
        var gate = new mp.Event();
        using var results = _pool.Imap(x => x == 1 ? (gate.Wait(Long) ? -1 : -2) : x * 10, new[] { 0, 1, 2 }).GetEnumerator();

        Assert.True(results.MoveNext());
        Assert.Equal(0, results.Current);
        Assert.False(gate.IsSet);

        gate.Set();
        Assert.True(results.MoveNext());
        Assert.Equal(-1, results.Current);
        Assert.True(results.MoveNext());
        Assert.Equal(20, results.Current);
        Assert.False(results.MoveNext());
    }

    [Fact]
    public void Imap_consumes_an_endless_input_with_bounded_read_ahead()
    {
        var reads = new PoolTasks.Counter();
        var first = _pool.Imap(PoolTasks.Double, PoolTasks.Endless(reads), chunksize: 2).Take(10).ToList();

        Assert.Equal(Enumerable.Range(0, 10).Select(PoolTasks.Double), first);
        Assert.InRange(reads.Count, 10, 10 + (64 * 2) + 2);
    }

    [Fact]
    public void Imap_reports_progress_with_the_total_when_the_input_has_a_count()
    {
        var progress = new ProgressLog();
        var results = _pool.Imap(PoolTasks.Double, Enumerable.Range(0, 30).ToArray(), progress, chunksize: 3).ToList();
        Assert.Equal(30, results.Count);

        // Imap streams: its reports may still be on their way when the last result has been read.
        Assert.True(SpinWait.SpinUntil(() => progress.Reports is [.., { Done: 30 }], Long));
        var reports = progress.Reports;
        Assert.Equal(new PoolProgress(0, 30), reports[0]);
        Assert.Equal(new PoolProgress(30, 30), reports[^1]);

        var endless = new ProgressLog();
        _ = _pool.Imap(PoolTasks.Double, PoolTasks.Endless(new PoolTasks.Counter()), endless).Take(3).ToList();
        Assert.True(SpinWait.SpinUntil(() => endless.Reports.Count > 0, Long));
        Assert.Null(endless.Reports[0].Total);
    }

    [Fact]
    public void Imap_results_can_be_enumerated_only_once()
    {
        var results = _pool.Imap(PoolTasks.Double, [1, 2, 3]);
        Assert.Equal([2, 4, 6], results.ToList());
        Assert.Throws<InvalidOperationException>(() => results.ToList());
    }

    [Fact]
    public void Imap_throws_a_failed_items_exception_at_its_place_and_can_go_on()
    {
        using var results = _pool.Imap(x => PoolTasks.FailOn(x, 1), [0, 1, 2]).GetEnumerator();
        Assert.True(results.MoveNext());
        Assert.Equal(0, results.Current);
        Assert.Throws<FormatException>(() => results.MoveNext());
        Assert.True(results.MoveNext());
        Assert.Equal(4, results.Current);
        Assert.False(results.MoveNext());
    }

    [Fact]
    public void ImapUnordered_yields_a_fast_result_before_a_slow_earlier_one_and_all_results()
    {
        var gate = new mp.Event();
        using var results = _pool.ImapUnordered(x => x == 0 ? (gate.Wait(Long) ? 100 : -1) : x, new[] { 0, 1, 2, 3 }).GetEnumerator();

        Assert.True(results.MoveNext());
        Assert.NotEqual(100, results.Current);
        gate.Set();
        var rest = new List<int> { results.Current };
        while (results.MoveNext())
        {
            rest.Add(results.Current);
        }

        Assert.Equal([1, 2, 3, 100], rest.Order());
    }

    [Fact]
    public void A_func_that_cannot_cross_a_process_fails_at_submission_with_ArgumentException_naming_the_field()
    {
        using var stream = new MemoryStream();
        var func = PoolFuncs.StreamLength(stream);
        var error = Assert.Throws<ArgumentException>(() => _pool.Apply(func));
        Assert.Equal("func", error.ParamName);
        Assert.Contains("stream", error.Message, StringComparison.Ordinal);
        Assert.Contains("MemoryStream", error.Message, StringComparison.Ordinal);

        var mapFunc = PoolFuncs.PlusStreamLength(stream);
        Assert.Throws<ArgumentException>(() => _pool.Map(mapFunc, [1]));
    }

    [Fact]
    public void An_item_that_cannot_cross_a_process_fails_at_submission_with_ArgumentException()
    {
        var items = new object[] { 1, new MemoryStream() };
        var error = Assert.Throws<ArgumentException>(() => _pool.Map(x => x.GetHashCode(), items, chunksize: 1));
        Assert.Equal("iterable", error.ParamName);
        Assert.Contains("MemoryStream", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Globals_are_not_shared_with_workers()
    {
        PoolTasks.Initialized = null;
        _pool.Apply(() => PoolTasks.Initialized = "set in a worker");
        Assert.Null(PoolTasks.Initialized);
    }
}
