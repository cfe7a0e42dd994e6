namespace ActorProc.Actors;

/// <summary>
/// The root guardian (<c>/</c>): parent of <c>/user</c> and <c>/system</c>. It stops a guardian that fails
/// (logging the reason); each guardian reports its own stop to the system (see <see cref="GuardianActor"/>),
/// and a stopped <c>/user</c> ends the actor system.
/// </summary>
internal sealed class RootGuardianActor : ActorBase
{
    protected override bool Receive(object message) => false;

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(0, null, _ => Directive.Stop);
}

/// <summary>
/// A guardian (<c>/user</c> or <c>/system</c>): supervises the top-level actors with the configured strategy, and
/// tells the system when it has stopped (after all actors under it), which drives <see cref="ActorSystem.Terminate"/>.
/// </summary>
internal sealed class GuardianActor : ActorBase
{
    private readonly ActorSystem _system;
    private readonly SupervisorStrategy _strategy;

    public GuardianActor(ActorSystem system, SupervisorStrategy strategy)
    {
        _system = system;
        _strategy = strategy;
    }

    protected override bool Receive(object message) => message is Terminated;

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;

    protected override void PreRestart(Exception reason, object? message)
    {
        // A guardian is never restarted in place: the root guardian stops it.
    }

    // Reported from here and not only through the root guardian's death watch: a system terminated right after it
    // was created can stop a guardian before the root guardian has watched it, and termination would wait forever.
    protected override void PostStop() => _system.OnGuardianTerminated(Self);
}
