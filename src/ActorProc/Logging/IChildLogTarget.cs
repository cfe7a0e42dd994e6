namespace ActorProc.Multiprocessing.Logging;

/// <summary>Where a process puts the log events its children send: the root writes them to its logger factory, a child passes them on to its parent.</summary>
internal interface IChildLogTarget
{
    /// <summary>Takes events received from a child (called on <c>/system/processes</c>' thread, in arrival order).</summary>
    void Write(IReadOnlyList<LogRecord> records);
}
