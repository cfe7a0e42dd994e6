using ActorProc.Multiprocessing.Launch;

namespace ActorProc.Multiprocessing.Protocol;

/// <summary>
/// Local: a <see cref="Process"/> was started on <paramref name="Child"/>; hand it the target once the child is ready,
/// unless <paramref name="RunSent"/> (the starting thread found the child ready and sent the target itself).
/// </summary>
internal sealed record ChildStarted(Process Process, ChildProcess Child, RunTarget Run, bool RunSent);
