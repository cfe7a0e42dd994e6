using ActorProc.Actors.Dispatch;

namespace ActorProc.Actors;

/// <summary>The ref that points at nothing: every message sent to it is dropped.</summary>
internal sealed class NobodyRef : InternalActorRef
{
    public static readonly NobodyRef Instance = new();

    private static readonly ActorPath NobodyPath = new RootActorPath(Address.Local("all-systems")).Child("Nobody");

    private NobodyRef()
    {
    }

    public override ActorPath Path => NobodyPath;

    public override InternalActorRef? Parent => null;

    public override bool IsTerminated => true;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
    }
}
