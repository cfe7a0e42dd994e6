namespace ActorProc.Multiprocessing;

/// <summary>A <c>Put</c> found no free slot within its timeout (Python's <c>queue.Full</c>).</summary>
public class QueueFullException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QueueFullException()
        : base("The queue is full.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public QueueFullException(string message)
        : base(message)
    {
    }
}
