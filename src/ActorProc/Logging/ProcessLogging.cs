using ActorProc.Multiprocessing.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ActorProc.Multiprocessing;

/// <summary>Logging in any process of a process tree.</summary>
public static class ProcessLogging
{
    /// <summary>
    /// The logger factory of this process's actor system. In a root started by ActorProc.Hosting it is the host's;
    /// in a child of such a root (setting <c>actorproc.process.forward-logs</c>), its loggers send every event of
    /// <c>actorproc.loglevel</c> and up to the root, which writes it to its own logger factory inside a scope with
    /// the child's <c>ProcessName</c> and <c>ProcessId</c>. Otherwise (no host, or before the actor system of this
    /// process started) events are discarded.
    /// </summary>
    public static ILoggerFactory LoggerFactory => ProcessRuntime.Existing?.System.LoggerFactory ?? NullLoggerFactory.Instance;
}
