using System.Collections.Concurrent;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// The cores of the synchronization objects created in this process, by object id: a handle that came back
/// to its owner's process (in a message, say) finds its core here and calls it directly.
/// </summary>
internal static class LocalSyncCores
{
    private static readonly ConcurrentDictionary<long, SyncCore> Cores = new();

    /// <summary>Registers <paramref name="core"/> under a new random id and returns it.</summary>
    public static long Register(SyncCore core)
    {
        while (true)
        {
            long id = Random.Shared.NextInt64(1, long.MaxValue);
            if (Cores.TryAdd(id, core))
            {
                return id;
            }
        }
    }

    /// <summary>The core with <paramref name="id"/> when its object was created in this process.</summary>
    public static SyncCore? Find(long id) => Cores.TryGetValue(id, out var core) ? core : null;
}
