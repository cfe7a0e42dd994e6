namespace ActorProc.Multiprocessing;

/// <summary>
/// A <see cref="Barrier"/> wait failed because the barrier is (or became) broken: aborted, reset while the
/// caller waited, a party's wait timed out, or a waiting party's process died. Python's <c>BrokenBarrierError</c>.
/// </summary>
public class BrokenBarrierException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public BrokenBarrierException()
        : base("The barrier is broken.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    public BrokenBarrierException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public BrokenBarrierException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
