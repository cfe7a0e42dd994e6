namespace ActorProc.Serialization;

/// <summary>
/// Thrown at the receiver when the data names a type that is not on the allow-list (or is a known
/// gadget type). Thrown before any instance of the type is created.
/// </summary>
public class UnsafeTypeException : SerializationException
{
    /// <summary>Creates the exception.</summary>
    public UnsafeTypeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public UnsafeTypeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public UnsafeTypeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused type.</summary>
    /// <param name="type">The refused type.</param>
    /// <param name="reason">Why it is refused.</param>
    public UnsafeTypeException(Type type, string reason)
        : base($"Type '{type}' may not be deserialized: {reason}.")
    {
        TypeName = type.ToString();
    }

    /// <summary>The full name of the refused type, when known.</summary>
    public string? TypeName { get; }
}
