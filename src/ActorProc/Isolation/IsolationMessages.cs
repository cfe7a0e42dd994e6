using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Isolation;

/// <summary>Child to proxy: the isolated actor of incarnation <paramref name="Incarnation"/> exists (sent by its host).</summary>
internal sealed record IsolatedReady(int Incarnation, IActorRef Actor);

/// <summary>Child to proxy: the isolated actor failed with <paramref name="Cause"/>; the child process ends.</summary>
internal sealed record IsolatedFailed(int Incarnation, Exception Cause);

/// <summary>Proxy to child host: stop the actor (its PostStop runs) and end the process.</summary>
internal sealed record IsolatedStop;

/// <summary>Local: the process hosting the actor ended.</summary>
internal sealed record IsolatedProcessExited(int Incarnation, int ExitCode);
