using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>Runs Apply/ApplyAsync/Submit tasks: each task's payload is a <see cref="Func{TResult}"/>.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class CallRunner<TResult> : PoolRunner
{
    public override void Load(Serializer serializer, object state, byte[]? func)
    {
    }

    public override byte[] Run(Serializer serializer, object state, byte[] payload)
    {
        var func = serializer.Deserialize<Func<TResult>>(payload, state);
        return SerializeResult(serializer, func());
    }
}
