using ActorProc.Actors.Dispatch;
using Microsoft.Extensions.Logging;

namespace ActorProc.Actors;

/// <summary>
/// The settings of an actor system. Built from HOCON (<c>actorproc.*</c>, see <c>hocon/actorproc.conf</c>
/// for every key and its default) or set directly.
/// </summary>
public sealed record ActorSystemSettings
{
    /// <summary>Messages one actor processes per turn before yielding its thread (<c>actorproc.actor.default-dispatcher.throughput</c>).</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>Time budget per turn, zero for none (<c>actorproc.actor.default-dispatcher.throughput-deadline</c>).</summary>
    public TimeSpan ThroughputDeadline { get; init; } = TimeSpan.Zero;

    /// <summary>Default ask timeout when none is given; null waits without limit (<c>actorproc.actor.ask-timeout</c>).</summary>
    public TimeSpan? AskTimeout { get; init; }

    /// <summary>The default mailbox of actors whose props name none (<c>actorproc.actor.default-mailbox</c>).</summary>
    public MailboxOptions DefaultMailbox { get; init; } = MailboxOptions.Unbounded;

    /// <summary>Named dispatchers besides <c>default</c> (<c>actorproc.actor.dispatchers.NAME.throughput</c>).</summary>
    public IReadOnlyDictionary<string, int> Dispatchers { get; init; } = new Dictionary<string, int>();

    /// <summary>Named mailboxes that props can refer to (<c>actorproc.actor.mailboxes.NAME</c>).</summary>
    public IReadOnlyDictionary<string, MailboxOptions> Mailboxes { get; init; } = new Dictionary<string, MailboxOptions>();

    /// <summary>The strategy of <c>/user</c> for top-level actors (<c>actorproc.actor.guardian-supervisor-strategy</c>: default or stopping).</summary>
    public SupervisorStrategy GuardianSupervisorStrategy { get; init; } = SupervisorStrategy.DefaultStrategy;

    /// <summary>The lowest level written (<c>actorproc.loglevel</c>).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>How many dead letters are logged; 0 for none (<c>actorproc.log-dead-letters</c>).</summary>
    public int LogDeadLetters { get; init; } = 10;

    /// <summary>Whether dead letters are logged while the system terminates (<c>actorproc.log-dead-letters-during-shutdown</c>).</summary>
    public bool LogDeadLettersDuringShutdown { get; init; }

    /// <summary>Whether unhandled messages are logged at debug level (<c>actorproc.actor.debug.unhandled</c>).</summary>
    public bool LogUnhandled { get; init; } = true;

    /// <summary>How long each shutdown phase may take before termination goes on without it (<c>actorproc.coordinated-shutdown.phase-timeout</c>).</summary>
    public TimeSpan ShutdownPhaseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The raw configuration, for extensions (remoting, processes) to read their own sections; null when built in code.</summary>
    public object? Config { get; init; }
}
