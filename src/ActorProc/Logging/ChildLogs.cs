namespace ActorProc.Multiprocessing.Logging;

/// <summary>
/// Child to parent (to <c>/system/processes</c>, on the same connection as the child's other reports, so the
/// parent has written them before it acknowledges the child's exit): log events of the child and of its own children.
/// </summary>
/// <param name="Token">The child's launch token.</param>
/// <param name="Records">The events, oldest first.</param>
internal sealed record ChildLogs(long Token, LogRecord[] Records);
