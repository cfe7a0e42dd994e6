namespace ActorProc.Actors;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the child and its state; the failing message is dropped.</summary>
    Resume,

    /// <summary>Replace the child's instance with a fresh one (same ref, same mailbox).</summary>
    Restart,

    /// <summary>Stop the child.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, so its own supervisor decides.</summary>
    Escalate,
}
