using System.Collections.Concurrent;
using ActorProc.Multiprocessing.Native;

namespace ActorProc.Multiprocessing.Launch;

/// <summary>
/// Started child processes waiting for work (setting <c>actorproc.process.spares</c>): a
/// <see cref="Process.Start"/> served by a spare only sends one message. The pool is filled on the
/// launcher thread after each start (once the started child ended or <c>spare-refill-delay</c> passed), never
/// before the program's first start.
/// </summary>
internal sealed class SparePool
{
    private readonly ConcurrentQueue<ChildProcess> _spares = new();
    private int _target;
    private readonly Func<ChildProcess> _launch;
    private readonly ChildLauncher _launcher;
    private int _refillQueued;
    private int _drained;

    public SparePool(int target, ChildLauncher launcher, Func<ChildProcess> launch)
    {
        _target = target;
        _launcher = launcher;
        _launch = launch;
    }

    /// <summary>How many spares are kept (benchmarks switch between cold and warm starts).</summary>
    internal int Target
    {
        get => Volatile.Read(ref _target);
        set => Volatile.Write(ref _target, value);
    }

    /// <summary>The number of spares started (ready or still booting).</summary>
    public int Count => _spares.Count;

    /// <summary>How many starts the spares can serve now (none while <see cref="Target"/> is 0).</summary>
    public int Servable => Target == 0 ? 0 : _spares.Count;

    /// <summary>The pids of the spares (for diagnostics and the test suite's leak guard).</summary>
    internal IReadOnlyList<int> Pids => [.. _spares.Select(s => s.Pid)];

    /// <summary>A started spare, or null (call <see cref="RefillAfter"/> after serving the start).</summary>
    public ChildProcess? TryTake()
    {
        if (Target == 0)
        {
            return null;
        }

        ChildProcess? taken = null;
        while (_spares.TryDequeue(out var spare))
        {
            if (!spare.HasExited)
            {
                taken = spare;
                break;
            }

            spare.Dispose();
        }

        return taken;
    }

    /// <summary>Kills every spare; no more are started.</summary>
    public void Drain()
    {
        Volatile.Write(ref _drained, 1);
        while (_spares.TryDequeue(out var spare))
        {
            spare.Signal(Posix.SIGKILL);
            spare.CloseStdin();
        }
    }

    /// <summary>
    /// Refills once <paramref name="served"/> (the child a start just got) has ended or <paramref name="delay"/> has
    /// passed, whichever comes first. A spare's boot costs a core for ~100 ms: started at once, it would compete
    /// with the child being started and with its parent (on a 2-core machine it doubles a short child's start+join).
    /// </summary>
    public void RefillAfter(ChildProcess served, TimeSpan delay)
    {
        if (Target == 0)
        {
            return;
        }

        if (delay <= TimeSpan.Zero || served.HasExited)
        {
            Refill();
            return;
        }

        Task.WhenAny(served.Exited, Task.Delay(delay)).ContinueWith(
            static (_, pool) => ((SparePool)pool!).Refill(),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Queues starting spares up to the target, behind any start already waiting for the launcher.</summary>
    public void Refill()
    {
        if (Target == 0 || Interlocked.CompareExchange(ref _refillQueued, 1, 0) != 0)
        {
            return;
        }

        bool posted = _launcher.TryPost(() =>
        {
            Volatile.Write(ref _refillQueued, 0);
            try
            {
                while (_spares.Count < Target && Volatile.Read(ref _drained) == 0)
                {
                    _spares.Enqueue(_launch());
                }
            }
            catch (InvalidOperationException)
            {
                // Starting a spare failed; the next Start launches cold and reports the reason itself.
            }

            if (Volatile.Read(ref _drained) != 0)
            {
                Drain();
            }
        });
        if (!posted)
        {
            // The runtime has stopped: no more spares.
            Volatile.Write(ref _refillQueued, 0);
        }
    }
}
