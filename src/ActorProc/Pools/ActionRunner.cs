using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>Runs <c>Submit(Action)</c> tasks: each task's payload is an <see cref="Action"/>; the result is a zero byte.</summary>
internal sealed class ActionRunner : PoolRunner
{
    public override void Load(Serializer serializer, object state, byte[]? func)
    {
    }

    public override byte[] Run(Serializer serializer, object state, byte[] payload)
    {
        serializer.Deserialize<Action>(payload, state)();
        return SerializeResult(serializer, (byte)0);
    }
}
