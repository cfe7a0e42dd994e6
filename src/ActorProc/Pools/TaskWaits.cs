namespace ActorProc.Multiprocessing.Pools;

/// <summary>Blocking waits on tasks that never throw the task's exception (the caller decides what to rethrow).</summary>
internal static class TaskWaits
{
    /// <summary>Waits until <paramref name="task"/> completed; false when <paramref name="timeout"/> passed first.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative.</exception>
    public static bool Wait(Task task, TimeSpan? timeout)
    {
        if (timeout is { } t)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(t, TimeSpan.Zero, nameof(timeout));
        }

        if (task.IsCompleted)
        {
            return true;
        }

        // WhenAny's task never faults, so waiting on it throws nothing whatever the outcome.
        var any = Task.WhenAny(task);
        return timeout is { } limit ? any.Wait(limit) : any.Wait(Timeout.Infinite);
    }
}
