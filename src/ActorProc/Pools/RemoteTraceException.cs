namespace ActorProc.Multiprocessing;

/// <summary>
/// The <see cref="Exception.InnerException"/> of an exception that a pool task threw in a worker process: it holds
/// the worker's stack trace (as Python's <c>RemoteTraceback</c>). Its own <see cref="Exception.InnerException"/> is
/// the inner exception the worker's exception had, if any.
/// </summary>
public class RemoteTraceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The text shown: the worker's name and pid, then the exception as the worker printed it.</param>
    /// <param name="remoteStackTrace">The stack trace in the worker, from the throw to the pool's call of the task.</param>
    /// <param name="innerException">The inner exception of the worker's exception, or null.</param>
    public RemoteTraceException(string message, string remoteStackTrace, Exception? innerException = null)
        : base(message, innerException) => RemoteStackTrace = remoteStackTrace;

    /// <summary>The stack trace in the worker process.</summary>
    public string RemoteStackTrace { get; }
}
