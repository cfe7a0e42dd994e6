using ActorProc.Multiprocessing.Isolation;

namespace ActorProc.Actors;

/// <summary>Process-per-actor deployment.</summary>
public static class ProcessIsolationExtensions
{
    /// <summary>
    /// Returns props that run the actor in a new OS process with its own actor system. The ref
    /// <c>ActorOf</c> returns works as a local one (<c>Tell</c>, <c>Ask</c>, <c>Watch</c>, <c>Stop</c>); it
    /// belongs to a local stand-in at the actor's path that forwards to the process. When the actor throws or
    /// its process dies, the parent's supervisor strategy decides: Restart (and Resume) start a fresh
    /// process at the same path, Stop ends the process and delivers <see cref="Terminated"/>; the death of
    /// the process is reported as <see cref="Multiprocessing.WorkerCrashedException"/>.
    /// </summary>
    /// <remarks>
    /// The actor's factory travels to the child through the serializer: <c>Props.Create&lt;T&gt;()</c> or
    /// <c>Props.Create(() =&gt; new T(args))</c> with serializable arguments (actor refs included); the mailbox,
    /// dispatcher and deployment settings of <paramref name="props"/> are not carried over. Starting the
    /// stand-in starts remoting on its actor system.
    /// </remarks>
    /// <param name="props">The actor's props.</param>
    /// <returns>Props for the stand-in.</returns>
    public static Props WithProcessIsolation(this Props props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var isolated = Props.Create(() => new IsolatedActorProxy(props));
        return props.SupervisorStrategy is { } strategy ? isolated.WithSupervisorStrategy(strategy) : isolated;
    }
}
