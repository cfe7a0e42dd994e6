namespace ActorProc.Actors;

/// <summary>Thrown when an actor name is malformed or already taken by a sibling.</summary>
public sealed class InvalidActorNameException : ArgumentException
{
    /// <summary>Creates the exception with a message saying what was wrong.</summary>
    public InvalidActorNameException(string message)
        : base(message)
    {
    }
}
