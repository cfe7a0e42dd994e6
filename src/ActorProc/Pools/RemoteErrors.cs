using System.Reflection;
using System.Runtime.CompilerServices;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// Exceptions across the pool boundary: a worker encodes what a task threw as a <see cref="RemoteFailure"/>; the
/// pool turns it back into an exception of the same type and message whose <see cref="Exception.InnerException"/>
/// is a <see cref="RemoteTraceException"/> with the worker's stack trace.
/// </summary>
internal static class RemoteErrors
{
    // Exception has no setter for these; the serializer sets them the same way when it reads an exception.
    private static readonly FieldInfo InnerField = typeof(Exception).GetField("_innerException", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Exception._innerException not found on this runtime.");

    private static readonly FieldInfo MessageField = typeof(Exception).GetField("_message", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("Exception._message not found on this runtime.");

    /// <summary>In a worker: <paramref name="error"/> as bytes (without the exception object when that cannot be serialized).</summary>
    public static byte[] Encode(Serializer serializer, Exception error)
    {
        var current = Process.Current;
        var failure = new RemoteFailure(
            error,
            error.GetType().AssemblyQualifiedName ?? error.GetType().FullName ?? error.GetType().Name,
            error.Message,
            error.StackTrace ?? "",
            error.ToString(),
            current.Name,
            Environment.ProcessId);
        try
        {
            return serializer.SerializeToArray(failure);
        }
        catch (SerializationException)
        {
            return serializer.SerializeToArray(failure with { Exception = null });
        }
    }

    /// <summary>In the pool: the exception to throw to the caller for an encoded failure.</summary>
    public static Exception Decode(Serializer serializer, object state, byte[] payload)
    {
        RemoteFailure failure;
        try
        {
            failure = serializer.Deserialize<RemoteFailure>(payload, state);
        }
        catch (SerializationException e)
        {
            return new SerializationException($"A worker reported an exception that could not be read: {e.Message}", e);
        }

        var exception = failure.Exception ?? Rebuild(failure);
        var trace = new RemoteTraceException(
            $"Traceback in worker {failure.Worker} (pid {failure.Pid}):{Environment.NewLine}{failure.Text}",
            failure.StackTrace,
            exception.InnerException);
        InnerField.SetValue(exception, trace);
        return exception;
    }

    /// <summary>An exception of the reported type and message, for one whose object could not be serialized.</summary>
    private static Exception Rebuild(RemoteFailure failure)
    {
        var type = Type.GetType(failure.TypeName, throwOnError: false);
        Exception exception = type is not null && typeof(Exception).IsAssignableFrom(type) && !type.IsAbstract
            ? (Exception)RuntimeHelpers.GetUninitializedObject(type)
            : new Exception();
        MessageField.SetValue(exception, failure.Message);
        return exception;
    }
}
