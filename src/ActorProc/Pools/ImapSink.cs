using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// The outcomes of a streamed job (Imap, ImapUnordered, the executor's Map): finished chunks wait here until the
/// consumer takes them, by position (ordered) or in the order they finished (unordered).
/// </summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class ImapSink<TResult> : TaskSink
{
    private readonly object _lock = new();
    private readonly PoolCore _core;
    private readonly bool _ordered;
    private readonly Dictionary<int, Chunk> _byIndex = [];
    private readonly System.Collections.Generic.Queue<Chunk> _byArrival = new();
    private readonly ProgressPump? _progress;
    private bool _cancelled;

    public ImapSink(PoolCore core, bool ordered, IProgress<PoolProgress>? progress, int? total)
    {
        _core = core;
        _ordered = ordered;
        if (progress is not null)
        {
            _progress = new ProgressPump(progress, total, new SerialQueue());
            _progress.Start();
        }
    }

    /// <inheritdoc />
    public override void OnResult(int index, byte[] payload)
    {
        Chunk chunk;
        try
        {
            chunk = new Chunk(_core.Serializer.Deserialize<TResult[]>(payload, _core.System), null);
        }
        catch (SerializationException e)
        {
            chunk = new Chunk(null, e);
        }

        Put(index, chunk);
        _progress?.Add(chunk.Items?.Length ?? 0);
    }

    /// <inheritdoc />
    public override void OnFailure(int index, Exception error) => Put(index, new Chunk(null, error));

    /// <inheritdoc />
    public override void OnCancelled()
    {
        MarkDone();
        lock (_lock)
        {
            _cancelled = true;
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>The consumer went away: queued chunks are dropped.</summary>
    public void Abandon() => MarkDone();

    /// <summary>Waits for chunk <paramref name="index"/> (ordered) or the next finished chunk (unordered).</summary>
    /// <exception cref="TimeoutException">Nothing arrived before <paramref name="deadline"/>.</exception>
    /// <exception cref="OperationCanceledException">The pool was terminated.</exception>
    public Chunk Take(int index, long deadline)
    {
        lock (_lock)
        {
            while (true)
            {
                if (_ordered ? _byIndex.Remove(index, out var chunk) : _byArrival.TryDequeue(out chunk))
                {
                    return chunk;
                }

                if (_cancelled)
                {
                    throw new OperationCanceledException("The pool was terminated before the results were ready.");
                }

                if (deadline == long.MaxValue)
                {
                    Monitor.Wait(_lock);
                }
                else
                {
                    long left = deadline - Environment.TickCount64;
                    if (left <= 0 || (!Monitor.Wait(_lock, TimeSpan.FromMilliseconds(left)) && deadline <= Environment.TickCount64))
                    {
                        throw new TimeoutException("The next result was not ready before the timeout.");
                    }
                }
            }
        }
    }

    private void Put(int index, Chunk chunk)
    {
        lock (_lock)
        {
            if (_ordered)
            {
                _byIndex[index] = chunk;
            }
            else
            {
                _byArrival.Enqueue(chunk);
            }

            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>One finished chunk: its results, or why it failed.</summary>
    internal readonly record struct Chunk(TResult[]? Items, Exception? Error);
}
