using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>Runs the chunks of a Starmap job: each payload is a chunk of argument pairs, each result a <c>TResult[]</c>.</summary>
/// <typeparam name="T1">The first argument's type.</typeparam>
/// <typeparam name="T2">The second argument's type.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class StarmapRunner<T1, T2, TResult> : PoolRunner
{
    [NonSerialized]
    private Func<T1, T2, TResult>? _func;

    public override void Load(Serializer serializer, object state, byte[]? func) => _func = LoadFunc<Func<T1, T2, TResult>>(serializer, state, func);

    public override byte[] Run(Serializer serializer, object state, byte[] payload)
    {
        var func = _func ?? throw new InvalidOperationException("The starmap runner was not loaded.");
        var items = serializer.Deserialize<(T1, T2)[]>(payload, state);
        var results = new TResult[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            results[i] = func(items[i].Item1, items[i].Item2);
        }

        return SerializeResult(serializer, results);
    }
}
