using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>The outcome of one Apply/ApplyAsync/Submit call.</summary>
/// <typeparam name="TResult">The result type.</typeparam>
internal sealed class ApplySink<TResult>(PoolCore core, Action<TResult>? callback = null, Action<Exception>? errorCallback = null)
    : ResultSink<TResult>(core, null, callback, errorCallback, null, null)
{
    /// <inheritdoc />
    public override void OnResult(int index, byte[] payload)
    {
        TResult result;
        try
        {
            result = Core.Serializer.Deserialize<TResult>(payload, Core.System);
        }
        catch (SerializationException e)
        {
            Fail(e);
            return;
        }

        Succeed(result);
    }
}
