using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Protocol;

/// <summary>Child to parent: the child's actor system is up; <paramref name="Control"/> takes its work.</summary>
internal sealed record ChildReady(long Token, IActorRef Control, int Pid);
