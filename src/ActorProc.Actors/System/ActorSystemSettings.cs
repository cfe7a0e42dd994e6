using ActorProc.Actors.Dispatch;
using ActorProc.Configuration;
using Microsoft.Extensions.Logging;

namespace ActorProc.Actors;

/// <summary>
/// The settings of an actor system. Built from HOCON (<c>actorproc.*</c>, see <c>hocon/actorproc.conf</c>
/// for every key and its default) or set directly.
/// </summary>
public sealed record ActorSystemSettings
{
    private static readonly SupervisorStrategy EscalatingGuardianStrategy = new OneForOneStrategy(-1, null, _ => Directive.Escalate);

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

    /// <summary>
    /// The strategy of <c>/user</c> for top-level actors (<c>actorproc.actor.guardian-supervisor-strategy</c>: <c>default</c>,
    /// <c>stopping</c>, or <c>escalate</c>, with which any failure of a top-level actor fails <c>/user</c> itself: the root
    /// guardian logs the failure as an error and stops <c>/user</c>, which terminates the actor system).
    /// </summary>
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

    /// <summary>The whole configuration (user settings over the reference defaults), for extensions to read their own sections.</summary>
    public Config Config { get; init; } = ReferenceConfig.Default;

    /// <summary>Reads the settings from a configuration (missing keys fall back to the reference defaults).</summary>
    /// <exception cref="ConfigException">A setting has an invalid value; the message names the key and the value.</exception>
    public static ActorSystemSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config = config.WithFallback(ReferenceConfig.Default);
        var actor = config.GetConfig("actorproc.actor");
        var askTimeout = actor.GetTimeSpan("ask-timeout");
        var mailboxes = new Dictionary<string, MailboxOptions>(StringComparer.Ordinal);
        foreach (var (name, _) in actor.GetConfig("mailboxes").AsEnumerable())
        {
            mailboxes[name] = ReadMailbox(actor.GetConfig("mailboxes").GetConfig(name), $"actorproc.actor.mailboxes.{name}");
        }

        var dispatchers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, _) in actor.GetConfig("dispatchers").AsEnumerable())
        {
            dispatchers[name] = PositiveInt(actor.GetConfig("dispatchers").GetConfig(name), "throughput", $"actorproc.actor.dispatchers.{name}", 30);
        }

        return new ActorSystemSettings
        {
            Config = config,
            Throughput = PositiveInt(actor, "default-dispatcher.throughput", "actorproc.actor", 30),
            ThroughputDeadline = actor.GetTimeSpan("default-dispatcher.throughput-deadline", allowInfinite: false),
            AskTimeout = askTimeout == Timeout.InfiniteTimeSpan ? null : askTimeout,
            DefaultMailbox = ReadMailbox(actor.GetConfig("default-mailbox"), "actorproc.actor.default-mailbox"),
            Mailboxes = mailboxes,
            Dispatchers = dispatchers,
            GuardianSupervisorStrategy = actor.GetString("guardian-supervisor-strategy") switch
            {
                "default" => SupervisorStrategy.DefaultStrategy,
                "stopping" => SupervisorStrategy.StoppingStrategy,
                "escalate" => EscalatingGuardianStrategy,
                var other => throw new ConfigException($"Setting 'actorproc.actor.guardian-supervisor-strategy' = '{other}' is not valid: use 'default', 'stopping' or 'escalate'."),
            },
            LogLevel = ParseLogLevel(config.GetString("actorproc.loglevel")),
            LogDeadLetters = Math.Max(0, config.GetInt("actorproc.log-dead-letters")),
            LogDeadLettersDuringShutdown = config.GetBoolean("actorproc.log-dead-letters-during-shutdown"),
            LogUnhandled = actor.GetBoolean("debug.unhandled"),
            ShutdownPhaseTimeout = config.GetTimeSpan("actorproc.coordinated-shutdown.phase-timeout", allowInfinite: false),
        };
    }

    private static MailboxOptions ReadMailbox(Config section, string path)
    {
        var type = section.GetString("type", "unbounded");
        var capacity = PositiveInt(section, "capacity", path, 1000);
        var overflow = section.GetString("overflow", "drop-newest") switch
        {
            "drop-newest" => OverflowPolicy.DropNewest,
            "drop-oldest" => OverflowPolicy.DropOldest,
            "throw" => OverflowPolicy.Throw,
            var other => throw new ConfigException($"Setting '{path}.overflow' = '{other}' is not valid: use drop-newest, drop-oldest or throw."),
        };
        return type switch
        {
            "unbounded" => MailboxOptions.Unbounded,
            "bounded" => MailboxOptions.Bounded(capacity, overflow),
            "priority" => throw new ConfigException($"Setting '{path}.type' = 'priority' needs a priority function: use Props.WithPriorityMailbox in code."),
            _ => throw new ConfigException($"Setting '{path}.type' = '{type}' is not valid: use unbounded or bounded."),
        };
    }

    private static int PositiveInt(Config section, string key, string path, int fallback)
    {
        var value = section.GetInt(key, fallback);
        return value > 0 ? value : throw new ConfigException($"Setting '{path}.{key}' = '{value}' is not valid: it must be a positive number.");
    }

    private static LogLevel ParseLogLevel(string text) => text.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" or "information" => LogLevel.Information,
        "warning" or "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "off" or "none" => LogLevel.None,
        _ => throw new ConfigException($"Setting 'actorproc.loglevel' = '{text}' is not valid: use trace, debug, info, warning, error or off."),
    };
}
