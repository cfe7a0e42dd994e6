namespace ActorProc.Actors;

/// <summary>Creates actors and selections: the actor system (top-level actors) and every actor's context (children).</summary>
public interface IActorRefFactory
{
    /// <summary>Creates an actor. Returns at once; the instance is built asynchronously on the actor's own turn.</summary>
    /// <param name="props">How to create the actor.</param>
    /// <param name="name">A unique name among its siblings, or null for a generated one.</param>
    /// <exception cref="InvalidActorNameException">The name is malformed or taken.</exception>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Selects actors by a path, absolute (<c>/user/a/*</c>, <c>actorproc://sys/user/a</c>) or relative (<c>../b</c>).</summary>
    ActorSelection ActorSelection(string path);

    /// <summary>Selects the actor at a full path.</summary>
    ActorSelection ActorSelection(ActorPath path);
}
