namespace ActorProc.Actors.Dispatch;

/// <summary>Thrown by <c>Tell</c> to a full bounded mailbox whose policy is <see cref="OverflowPolicy.Throw"/>.</summary>
public sealed class MailboxOverflowException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public MailboxOverflowException(string message)
        : base(message)
    {
    }
}
