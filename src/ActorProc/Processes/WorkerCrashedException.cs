namespace ActorProc.Multiprocessing;

/// <summary>
/// A worker process ended while it had work: the pool task it was running, or the actor it hosted, failed
/// with this exception. <see cref="ExitCode"/> is the process's exit code as <see cref="Process.ExitCode"/>
/// reports it (-9 when it was killed, 1 after an unhandled exception, ...).
/// </summary>
public class WorkerCrashedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="exitCode">The worker's exit code.</param>
    public WorkerCrashedException(string message, int exitCode)
        : base(message) => ExitCode = exitCode;

    /// <summary>The worker process's exit code.</summary>
    public int ExitCode { get; }
}
