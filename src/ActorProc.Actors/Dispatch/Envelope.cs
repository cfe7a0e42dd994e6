namespace ActorProc.Actors.Dispatch;

/// <summary>A user message and its sender as they sit in a mailbox. A struct, so queuing allocates nothing.</summary>
public readonly record struct Envelope(object Message, IActorRef? Sender);
