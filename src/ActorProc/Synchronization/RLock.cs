namespace ActorProc.Multiprocessing;

/// <summary>
/// A re-entrant lock shared by processes, as Python's <c>multiprocessing.RLock</c>: the process and thread
/// that hold it may acquire it again, and must release it as many times. Only its holder may release it.
/// </summary>
/// <remarks>
/// The holder is the calling process and managed thread: an async method that acquires it on one thread and
/// resumes on another is another holder (use <see cref="Lock"/> there). Crash safety as for <see cref="Lock"/>:
/// an RLock held by a process that dies is released whatever its recursion count.
/// </remarks>
public class RLock : Lock
{
    /// <summary>Creates a free re-entrant lock owned by this process.</summary>
    public RLock()
        : base(reentrant: true)
    {
    }
}
