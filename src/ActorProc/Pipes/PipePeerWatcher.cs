using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Pipes;

/// <summary>
/// Watches the processes holding the peers of this process's pipe ends; when one ends, the endpoints whose
/// peer was there are told (their end reads as closed once drained). The notification comes after every
/// message that process sent here, since it is raised when the association carrying them is lost.
/// </summary>
internal sealed class PipePeerWatcher : ReceiveActor
{
    private readonly Dictionary<Address, HashSet<PipeEndpoint>> _byProcess = [];

    /// <summary>Creates the watcher.</summary>
    public PipePeerWatcher()
    {
        Receive<WatchPeer>(watch =>
        {
            if (!_byProcess.TryGetValue(watch.Process, out var endpoints))
            {
                endpoints = [];
                _byProcess[watch.Process] = endpoints;
                Context.Watch(watch.Target);
            }

            endpoints.Add(watch.Endpoint);
        });
        Receive<Forget>(forget =>
        {
            foreach (var endpoints in _byProcess.Values)
            {
                endpoints.Remove(forget.Endpoint);
            }
        });
        Receive<Terminated>(terminated =>
        {
            var process = terminated.ActorRef.Path.Address;
            if (_byProcess.Remove(process, out var endpoints))
            {
                foreach (var endpoint in endpoints)
                {
                    endpoint.OnProcessGone(process);
                }
            }
        });
    }

    /// <summary>Watch <paramref name="Target"/> (the <c>/system/processes</c> of <paramref name="Process"/>) for <paramref name="Endpoint"/>.</summary>
    public sealed record WatchPeer(PipeEndpoint Endpoint, Address Process, IActorRef Target);

    /// <summary>Stop telling <paramref name="Endpoint"/>.</summary>
    public sealed record Forget(PipeEndpoint Endpoint);
}
