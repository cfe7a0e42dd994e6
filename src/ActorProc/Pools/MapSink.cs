using System.Runtime.InteropServices;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// The outcome of a Map/MapAsync/Starmap job: chunk results are copied into their place in one list as they
/// arrive (from any worker, in any order); the first failure fails the job at once and drops its queued chunks.
/// </summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class MapSink<TResult> : ResultSink<List<TResult>>
{
    private readonly List<TResult> _list;
    private readonly int _chunksize;
    private readonly int _total;
    private int _remaining;

    public MapSink(PoolCore core, RunnerSpec runner, int total, int chunksize, Action<List<TResult>>? callback, Action<Exception>? errorCallback, IProgress<PoolProgress>? progress)
        : base(core, runner, callback, errorCallback, progress, total)
    {
        _total = total;
        _chunksize = chunksize;
        _remaining = (total + chunksize - 1) / chunksize;
        _list = new List<TResult>(total);
        CollectionsMarshal.SetCount(_list, total);
    }

    /// <summary>Completes a job without items at once.</summary>
    public void CompleteIfEmpty()
    {
        if (_total == 0)
        {
            Succeed(_list);
        }
    }

    /// <inheritdoc />
    public override void OnResult(int index, byte[] payload)
    {
        if (IsDone)
        {
            return;
        }

        TResult[] part;
        try
        {
            part = Core.Serializer.Deserialize<TResult[]>(payload, Core.System);
        }
        catch (SerializationException e)
        {
            Fail(e);
            return;
        }

        int offset = index * _chunksize;
        int expected = Math.Min(_chunksize, _total - offset);
        if (part.Length != expected)
        {
            Fail(new InvalidOperationException($"Chunk {index} came back with {part.Length} results instead of {expected}."));
            return;
        }

        part.CopyTo(CollectionsMarshal.AsSpan(_list)[offset..]);
        Progress?.Add(part.Length);
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            Succeed(_list);
        }
    }
}
