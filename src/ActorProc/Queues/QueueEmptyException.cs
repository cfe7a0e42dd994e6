namespace ActorProc.Multiprocessing;

/// <summary>A <c>Get</c> found no item within its timeout (Python's <c>queue.Empty</c>).</summary>
public class QueueEmptyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QueueEmptyException()
        : base("The queue is empty.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public QueueEmptyException(string message)
        : base(message)
    {
    }
}
