using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// Runs tasks in a worker. A runner reaches a worker once per job (or once per result type for Apply and
/// Submit, whose tasks bring their own func) and is then used for each of the job's tasks: the func of a Map
/// crosses the process boundary once per worker, not once per item.
/// </summary>
internal abstract class PoolRunner
{
    /// <summary>Loads the func shipped with the runner; null for runners whose tasks carry their func.</summary>
    public abstract void Load(Serializer serializer, object state, byte[]? func);

    /// <summary>Runs one task on its serialized argument and returns the serialized result.</summary>
    /// <exception cref="Exception">Whatever the func throws, or a <see cref="SerializationException"/> when the result cannot be sent back.</exception>
    public abstract byte[] Run(Serializer serializer, object state, byte[] payload);

    /// <summary>Serializes a result, saying what failed when it cannot be.</summary>
    protected static byte[] SerializeResult<T>(Serializer serializer, T result)
    {
        try
        {
            return serializer.SerializeToArray(result);
        }
        catch (SerializationException e)
        {
            throw new SerializationException($"The result of the task cannot be sent back to the pool: {e.Message}", e);
        }
    }

    /// <summary>Deserializes the loaded func.</summary>
    /// <exception cref="InvalidOperationException">The runner was shipped without its func.</exception>
    protected static TFunc LoadFunc<TFunc>(Serializer serializer, object state, byte[]? func)
        where TFunc : Delegate =>
        serializer.Deserialize<TFunc>(func ?? throw new InvalidOperationException("The runner was shipped without its func."), state);
}
