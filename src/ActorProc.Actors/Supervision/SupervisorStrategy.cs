using Microsoft.Extensions.Logging;

namespace ActorProc.Actors;

/// <summary>
/// How a parent treats a failing child: a decider maps the exception to a <see cref="Directive"/>, and the
/// strategy applies it to the failed child (<see cref="OneForOneStrategy"/>) or to all children
/// (<see cref="AllForOneStrategy"/>), limited by a number of restarts within a time window.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>Creates a strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within the window; -1 for no limit, 0 for none (the child is stopped instead).</param>
    /// <param name="withinTimeRange">The window; null or infinite for no window.</param>
    /// <param name="decider">Maps an exception to a directive.</param>
    /// <param name="loggingEnabled">Whether failures are logged.</param>
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        if (maxNrOfRetries < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxNrOfRetries), maxNrOfRetries, "Use -1 for unlimited retries, or a count of 0 or more.");
        }

        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>The default strategy: one-for-one, unlimited restarts on any exception; stop on initialization failure, <see cref="Kill"/> and death pacts.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(-1, null, DefaultDecider);

    /// <summary>A strategy that stops any failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(-1, null, _ => Directive.Stop);

    /// <summary>Restarts allowed in the window (-1 = unlimited).</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The retry window, or null.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>The decider.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Whether failures are logged.</summary>
    public bool LoggingEnabled { get; }

    /// <summary>The default decider: stop on <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and <see cref="DeathPactException"/>, restart otherwise.</summary>
    public static Directive DefaultDecider(Exception cause) => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>Applies a Restart or Stop decision (one child or all).</summary>
    private protected abstract void ProcessFailure(ActorCell parent, bool restart, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<ChildRestartStats> children);

    /// <summary>Handles a failure; returns false when it must be escalated.</summary>
    internal bool HandleFailure(ActorCell parent, IActorRef child, Exception cause, ChildRestartStats stats, IReadOnlyList<ChildRestartStats> children)
    {
        Directive directive;
        try
        {
            directive = Decider(cause);
        }
        catch (Exception deciderError)
        {
            parent.Log(LogLevel.Error, deciderError, $"The supervisor strategy's decider threw while handling {cause.GetType().Name}; escalating.");
            directive = Directive.Escalate;
        }

        LogFailure(parent, child, cause, directive);
        switch (directive)
        {
            case Directive.Resume:
                ((InternalActorRef)child).SendSystemMessage(new Dispatch.Resume(cause));
                return true;
            case Directive.Restart:
                ProcessFailure(parent, true, child, cause, stats, children);
                return true;
            case Directive.Stop:
                ProcessFailure(parent, false, child, cause, stats, children);
                return true;
            default:
                return false;
        }
    }

    private protected static void RestartChild(IActorRef child, Exception cause, bool suspendFirst)
    {
        var internalRef = (InternalActorRef)child;
        if (suspendFirst)
        {
            internalRef.SendSystemMessage(new Dispatch.Suspend());
        }

        internalRef.SendSystemMessage(new Dispatch.Recreate(cause));
    }

    private void LogFailure(ActorCell parent, IActorRef child, Exception cause, Directive directive)
    {
        if (!LoggingEnabled || directive == Directive.Escalate)
        {
            return;
        }

        var level = directive == Directive.Resume ? LogLevel.Warning : LogLevel.Error;
        parent.LogAs(child.Path.ToString(), level, cause, $"{cause.GetType().Name}: {cause.Message} (supervisor directive: {directive})");
    }
}
