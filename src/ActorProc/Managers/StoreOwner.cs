using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Managers;

/// <summary>
/// The owner of a manager dictionary or list, in the manager process: a ref registered under <c>/temp</c> (as pipe
/// endpoints are) whose <see cref="Tell"/> runs the request on the thread that delivers it (the remoting reader, for a
/// proxy in another process) under a short lock and replies from there. No hop to an actor's thread: one thread
/// wake-up less per call, which is most of what a call costs beyond the network round trip.
/// </summary>
/// <remarks>
/// It lives as long as the manager process (objects are not freed before <see cref="Manager.Shutdown"/>), so it never
/// sends a death notification: a watcher elsewhere learns of its end from the end of the process (its association),
/// which is how proxy calls fail with <see cref="OwnerProcessGoneException"/>. A request that throws (a key whose
/// equality throws, say) is answered with a fault; nothing escapes to the remoting reader.
/// </remarks>
internal sealed class StoreOwner : DirectRef
{
    private readonly object _lock = new();
    private readonly Func<ProxyRequest, object> _store;

    public StoreOwner(ProcessRuntime runtime, string kind, Func<ProxyRequest, object> store)
        : base(runtime.System, kind)
    {
        _store = store;
        Register();
    }

    /// <summary>Runs a <see cref="ProxyRequest"/> and replies to <paramref name="sender"/>; anything else is ignored.</summary>
    public override void Tell(object message, IActorRef? sender)
    {
        if (message is not ProxyRequest request || sender is null)
        {
            return;
        }

        object reply;
        try
        {
            lock (_lock)
            {
                reply = _store(request);
            }
        }
        catch (Exception e)
        {
            reply = new ProxyFault(ProxyFaultKind.Failed, $"The {request.Op} request failed in the manager process: {e.GetType().Name}: {e.Message}");
        }

        sender.Tell(reply, this);
    }

}
