namespace ActorProc.Multiprocessing.Protocol;

/// <summary>Local: the child OS process with this launch token ended (with <paramref name="ExitCode"/>).</summary>
internal sealed record ChildGone(long Token, int ExitCode);
