namespace ActorProc.Actors;

/// <summary>
/// Where an actor runs. <see cref="Local"/> is in this actor system; extensions add other scopes (the
/// multiprocessing package adds a scope that runs the actor in its own OS process).
/// </summary>
public class Deploy
{
    /// <summary>In-process deployment.</summary>
    public static Deploy Local { get; } = new();

    /// <summary>A name for diagnostics.</summary>
    public virtual string Scope => "local";

    /// <inheritdoc />
    public override string ToString() => Scope;
}
