namespace ActorProc.Serialization;

/// <summary>
/// A value cannot be serialized (thrown at the sender; the message carries the path from the root,
/// e.g. <c>root.items[3].handle (IntPtr): ...</c>) or the data is malformed (thrown at the receiver).
/// </summary>
public class SerializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SerializationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public SerializationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SerializationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
