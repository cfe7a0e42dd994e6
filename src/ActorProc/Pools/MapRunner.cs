using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>Runs the chunks of a Map/Imap job: each payload is a <c>T[]</c> chunk, each result a <c>TResult[]</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class MapRunner<T, TResult> : PoolRunner
{
    [NonSerialized]
    private Func<T, TResult>? _func;

    public override void Load(Serializer serializer, object state, byte[]? func) => _func = LoadFunc<Func<T, TResult>>(serializer, state, func);

    public override byte[] Run(Serializer serializer, object state, byte[] payload)
    {
        var func = _func ?? throw new InvalidOperationException("The map runner was not loaded.");
        var items = serializer.Deserialize<T[]>(payload, state);
        var results = new TResult[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            results[i] = func(items[i]);
        }

        return SerializeResult(serializer, results);
    }
}
