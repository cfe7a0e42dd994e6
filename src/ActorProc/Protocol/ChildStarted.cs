using ActorProc.Multiprocessing.Launch;

namespace ActorProc.Multiprocessing.Protocol;

/// <summary>Local: a <see cref="Process"/> was started on <paramref name="Child"/>; hand it the target once the child is ready.</summary>
internal sealed record ChildStarted(Process Process, ChildProcess Child, RunTarget Run);
