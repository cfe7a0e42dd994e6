using System.Collections;
using System.Runtime.ExceptionServices;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// The results of Imap / ImapUnordered / the executor's Map, enumerated once. The input is read on the
/// consumer's thread, a chunk at a time, and never more than <c>readAhead</c> chunks ahead of the consumer, so a
/// huge or endless input streams; work starts when the stream is created. A chunk that failed throws its
/// exception at its place (enumeration may go on after it, as Python's imap iterator does); an exception thrown
/// by the input itself surfaces unwrapped after the results of the items read before it. Disposing the
/// enumerator early drops the chunks not yet run.
/// </summary>
/// <typeparam name="TItem">The input item type (an argument pair for Starmap).</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class ImapStream<TItem, TResult> : IEnumerable<TResult>, IEnumerator<TResult>
{
    private readonly PoolCore _core;
    private readonly RunnerSpec _runner;
    private readonly IEnumerator<TItem> _input;
    private readonly int _chunksize;
    private readonly int _readAhead;
    private readonly long _deadline;
    private readonly ImapSink<TResult> _sink;
    private ExceptionDispatchInfo? _inputError;
    private bool _inputDone;
    private bool _finished;
    private bool _enumerated;
    private int _submitted;
    private int _consumed;
    private TResult[]? _chunk;
    private int _position;

    public ImapStream(PoolCore core, RunnerSpec runner, IEnumerable<TItem> input, int chunksize, bool ordered, int readAhead, TimeSpan? timeout, IProgress<PoolProgress>? progress)
    {
        _core = core;
        _runner = runner;
        _chunksize = chunksize;
        _readAhead = readAhead;
        _deadline = timeout is { } t ? Environment.TickCount64 + (long)t.TotalMilliseconds : long.MaxValue;
        int? total = input.TryGetNonEnumeratedCount(out int count) ? count : null;
        _sink = new ImapSink<TResult>(core, ordered, progress, total);
        _input = input.GetEnumerator();
        try
        {
            Feed();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public TResult Current { get; private set; } = default!;

    object? IEnumerator.Current => Current;

    /// <inheritdoc />
    public IEnumerator<TResult> GetEnumerator()
    {
        if (_enumerated)
        {
            throw new InvalidOperationException("These pool results can be enumerated only once (as Python's imap iterator); copy them with ToList() to go over them again.");
        }

        _enumerated = true;
        return this;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool MoveNext()
    {
        while (true)
        {
            if (_chunk is not null && ++_position < _chunk.Length)
            {
                Current = _chunk[_position];
                return true;
            }

            _chunk = null;
            if (_finished)
            {
                return false;
            }

            Feed();
            if (_consumed == _submitted)
            {
                Finish();
                if (_inputError is { } inputError)
                {
                    _inputError = null;
                    inputError.Throw();
                }

                return false;
            }

            var chunk = _sink.Take(_consumed, _deadline);
            _consumed++;
            if (chunk.Error is { } error)
            {
                ExceptionDispatchInfo.Throw(error);
            }

            _chunk = chunk.Items;
            _position = -1;
        }
    }

    /// <inheritdoc />
    public void Reset() => throw new NotSupportedException("Pool results cannot be enumerated again.");

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_finished)
        {
            Finish();
        }
    }

    private void Finish()
    {
        _finished = true;
        _inputDone = true;
        _sink.Abandon();
        _core.ReleaseRunner(_runner);
        _input.Dispose();
    }

    // Reads and submits chunks until readAhead chunks are out or the input ended (or threw).
    private void Feed()
    {
        List<PoolTask>? batch = null;
        while (!_inputDone && _submitted + (batch?.Count ?? 0) - _consumed < _readAhead)
        {
            var items = new List<TItem>(Math.Min(_chunksize, 1024));
            try
            {
                while (items.Count < _chunksize && _input.MoveNext())
                {
                    items.Add(_input.Current);
                }
            }
            catch (Exception e)
            {
                _inputError = ExceptionDispatchInfo.Capture(e);
                _inputDone = true;
            }

            if (items.Count < _chunksize)
            {
                _inputDone = true;
            }

            if (items.Count > 0)
            {
                batch ??= [];
                int index = _submitted + batch.Count;
                batch.Add(_core.NewTask(_runner, _core.SerializeChunk(items.ToArray(), index * _chunksize), _sink, index));
            }
        }

        if (batch is not null)
        {
            _core.Submit(batch);
            _submitted += batch.Count;
        }
    }
}
