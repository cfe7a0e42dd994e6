using System.Globalization;
using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// The pool's actor: it supervises one <see cref="PoolWorkerSlot"/> child per worker and takes the workers'
/// lifecycle messages (ready, initializer failed) for the <see cref="PoolCore"/>. A slot whose worker process died
/// throws <see cref="WorkerCrashedException"/>; this actor's strategy restarts it, which starts a fresh process.
/// Once every slot has stopped (after Close or Terminate) the pool is joined and this actor stops.
/// </summary>
internal sealed class PoolRouter : ReceiveActor
{
    private readonly PoolCore _core;
    private int _slots;

    public PoolRouter(PoolCore core)
    {
        _core = core;
        Receive<PoolWorkerReady>(core.OnWorkerReady);
        Receive<PoolWorkerInitFailed>(core.OnWorkerInitFailed);
        Receive<PoolKillWorkers>(kill =>
        {
            foreach (var slot in Context.GetChildren())
            {
                slot.Tell(kill);
            }
        });
        Receive<Terminated>(_ =>
        {
            if (--_slots == 0)
            {
                _core.OnAllStopped();
                Context.Stop(Self);
            }
        });
    }

    protected override void PreStart()
    {
        for (int i = 0; i < _core.Processes; i++)
        {
            var core = _core;
            Context.Watch(Context.ActorOf(Props.Create(() => new PoolWorkerSlot(core)), "worker-" + i.ToString(CultureInfo.InvariantCulture)));
            _slots++;
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(
        -1,
        null,
        cause =>
        {
            if (cause is not WorkerCrashedException)
            {
                Console.Error.WriteLine($"[actorproc {Environment.ProcessId}] {_core.Name}: a worker slot failed, restarting it:{Environment.NewLine}{cause}");
            }

            return Directive.Restart;
        },
        loggingEnabled: false);
}
