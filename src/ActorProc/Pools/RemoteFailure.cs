namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// An exception thrown by a task (or the initializer) in a worker, as it travels to the pool. When the exception
/// itself cannot be serialized, <paramref name="Exception"/> is null and the caller gets one of the same type
/// rebuilt from <paramref name="TypeName"/> and <paramref name="Message"/>.
/// </summary>
/// <param name="Exception">The exception, or null when it could not be serialized.</param>
/// <param name="TypeName">Its type's assembly-qualified name.</param>
/// <param name="Message">Its message.</param>
/// <param name="StackTrace">Its stack trace in the worker.</param>
/// <param name="Text">The exception as the worker would print it (type, message, inner exceptions, stack trace).</param>
/// <param name="Worker">The worker process's name.</param>
/// <param name="Pid">The worker process's pid.</param>
internal sealed record RemoteFailure(Exception? Exception, string TypeName, string Message, string StackTrace, string Text, string Worker, int Pid);
