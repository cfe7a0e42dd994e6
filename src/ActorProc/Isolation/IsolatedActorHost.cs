using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Isolation;

/// <summary>
/// In the child: parent of the isolated actor. Any failure of the actor is reported to the proxy (whose
/// supervisor decides what happens: a restart starts a fresh process) and ends the actor and the process.
/// </summary>
internal sealed class IsolatedActorHost : ReceiveActor
{
    private readonly IActorRef _proxy;
    private readonly TaskCompletionSource _stopped;
    private readonly Props _props;
    private readonly string _name;
    private readonly int _incarnation;
    private IActorRef? _actor;

    public IsolatedActorHost(Props props, string name, IActorRef proxy, int incarnation, TaskCompletionSource stopped)
    {
        _props = props;
        _name = name.StartsWith('$') ? "actor" : name;
        _proxy = proxy;
        _incarnation = incarnation;
        _stopped = stopped;
        Receive<IsolatedStop>(_ => Context.Stop(_actor ?? Self));
        Receive<Terminated>(t => t.ActorRef.Equals(_actor), _ => Context.Stop(Self));
    }

    protected override void PreStart()
    {
        try
        {
            _actor = Context.ActorOf(_props, _name);
        }
        catch (Exception e)
        {
            _proxy.Tell(new IsolatedFailed(_incarnation, e), Self);
            Context.Stop(Self);
            return;
        }

        Context.Watch(_actor);
        _proxy.Tell(new IsolatedReady(_incarnation, _actor), Self);
    }

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(cause =>
    {
        _proxy.Tell(new IsolatedFailed(_incarnation, cause), Self);
        return Directive.Stop;
    });

    protected override void PostStop() => _stopped.TrySetResult();
}
