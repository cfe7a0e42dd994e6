namespace ActorProc.Actors;

/// <summary>Thrown when a selection resolves to no actor.</summary>
public sealed class ActorNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorNotFoundException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
