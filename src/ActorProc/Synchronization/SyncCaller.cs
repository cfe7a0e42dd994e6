using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// Who calls a core: the caller's process (null for the process that owns the object) and its managed thread.
/// Locks are held by a caller; everything a dead process held or waited for is found by <see cref="Process"/>.
/// </summary>
/// <param name="Process">The caller's process address; null when it is the owner's own process.</param>
/// <param name="ThreadId">The caller's managed thread id.</param>
internal readonly record struct SyncCaller(Address? Process, int ThreadId)
{
    /// <summary>The current thread of the owner's own process.</summary>
    public static SyncCaller Local => new(null, Environment.CurrentManagedThreadId);

    /// <summary>True when the caller lives in <paramref name="process"/>.</summary>
    public bool IsIn(Address process) => Process is not null && Process.Equals(process);
}
