using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Managers;

/// <summary>
/// What the target of a new manager process captures: where to report, where to listen (endpoint text, null for a
/// private Unix socket) and the key its clients prove (null: the process tree's key). It travels to the child with
/// the target, over the process tree's authenticated remoting, never in argv or the environment.
/// </summary>
internal sealed record ManagerServerStart(IActorRef ReadyTo, string? ListenAt, byte[]? AuthKey);
