namespace ActorProc.Actors;

/// <summary>Well-known refs.</summary>
public static class ActorRefs
{
    /// <summary>A ref that silently drops every message (Akka's <c>Nobody</c>).</summary>
    public static IActorRef Nobody { get; } = NobodyRef.Instance;

    /// <summary>Use as the sender when there is none (replies go to dead letters).</summary>
    public static IActorRef? NoSender => null;
}
