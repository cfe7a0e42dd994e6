using System.Globalization;
using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// The pool's actor: it supervises one <see cref="PoolWorkerSlot"/> child per worker and takes the workers'
/// lifecycle messages (ready, initializer failed) for the <see cref="PoolCore"/>. A slot whose worker process died
/// throws <see cref="WorkerCrashedException"/>; this actor's strategy restarts it, which starts a fresh process.
/// Once every slot has stopped (after Close or Terminate) the pool is joined and this actor stops.
/// </summary>
/// <remarks>
/// When spare child processes can serve some of the workers, the slots that need a fresh OS process wait (at most
/// <see cref="ColdStartHold"/>) until a ready worker has work it cannot take yet, or until the first result is in: a
/// fresh .NET process takes a core for about 100 ms while it boots, which on a small machine would slow the
/// spare-served worker's first results.
/// </remarks>
internal sealed class PoolRouter : ReceiveActor
{
    /// <summary>The longest the slots that need a fresh OS process wait for demand or the first result.</summary>
    internal static readonly TimeSpan ColdStartHold = TimeSpan.FromMilliseconds(20);

    private readonly PoolCore _core;
    private int _slots;
    private ICancelable? _holdTimer;

    public PoolRouter(PoolCore core)
    {
        _core = core;
        Receive<PoolWorkerReady>(core.OnWorkerReady);
        Receive<PoolReleaseColdStarts>(_ => ReleaseColdStarts());
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
        int servable = _core.Runtime.Spares.Servable;
        bool hold = servable > 0 && servable < _core.Processes;
        if (hold)
        {
            _core.HoldColdStarts();
            _holdTimer = Context.System.Scheduler.ScheduleTellOnce(ColdStartHold, Self, new PoolReleaseColdStarts(), Self);
        }

        for (int i = 0; i < _core.Processes; i++)
        {
            var core = _core;
            bool held = hold && i >= servable;
            Context.Watch(Context.ActorOf(Props.Create(() => new PoolWorkerSlot(core, held)), "worker-" + i.ToString(CultureInfo.InvariantCulture)));
            _slots++;
        }
    }

    // A pool ended within the hold leaves no timer message behind (it would be a dead letter).
    protected override void PostStop() => _holdTimer?.Cancel();

    private void ReleaseColdStarts()
    {
        _holdTimer?.Cancel();
        if (_core.ReleaseColdStarts())
        {
            foreach (var slot in Context.GetChildren())
            {
                slot.Tell(new PoolReleaseColdStarts());
            }
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
