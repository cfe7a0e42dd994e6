namespace ActorProc.Multiprocessing.Protocol;

/// <summary>
/// Parent to child: its <see cref="ChildReady"/> arrived. The child asks for it so that a spare has run its
/// ask and receive paths once before the first real work arrives (no JIT on the start of a served process).
/// </summary>
internal sealed record ChildReadyAck;
