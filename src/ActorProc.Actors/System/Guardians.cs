namespace ActorProc.Actors;

/// <summary>
/// The root guardian (<c>/</c>): parent of <c>/user</c> and <c>/system</c>. It stops a guardian that fails
/// (logging the reason) and, when <c>/user</c> stops for any reason, ends the actor system.
/// </summary>
internal sealed class RootGuardianActor : ActorBase
{
    private readonly ActorSystem _system;

    public RootGuardianActor(ActorSystem system) => _system = system;

    protected override void PreStart()
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Watch(child);
        }
    }

    protected override bool Receive(object message)
    {
        if (message is Terminated terminated)
        {
            _system.OnGuardianTerminated(terminated.ActorRef);
            return true;
        }

        return false;
    }

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(0, null, _ => Directive.Stop);
}

/// <summary>A guardian (<c>/user</c> or <c>/system</c>): supervises the top-level actors with the configured strategy.</summary>
internal sealed class GuardianActor : ActorBase
{
    private readonly SupervisorStrategy _strategy;

    public GuardianActor(SupervisorStrategy strategy) => _strategy = strategy;

    protected override bool Receive(object message) => message is Terminated;

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;

    protected override void PreRestart(Exception reason, object? message)
    {
        // A guardian is never restarted in place: the root guardian stops it.
    }
}
