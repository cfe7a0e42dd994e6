namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// Where the result of a waiting call from another process goes. A core calls it under its gate the moment the
/// waiter completes, so it must only hand the result on (e.g. tell it to the caller), never block.
/// </summary>
internal interface ISyncReply
{
    /// <summary>Delivers <paramref name="result"/> (a <see cref="SyncResult"/> code); only the first call counts.</summary>
    void Reply(int result);
}
