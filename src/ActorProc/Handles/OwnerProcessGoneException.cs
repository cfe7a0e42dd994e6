namespace ActorProc.Multiprocessing;

/// <summary>
/// A call on a handle (queue, lock, event, pipe, ...) failed because the process that owns the object is gone
/// (or it was shut down): the object no longer exists, and waiting would never end.
/// </summary>
public class OwnerProcessGoneException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was called and which owner is gone.</param>
    public OwnerProcessGoneException(string message)
        : base(message)
    {
    }
}
