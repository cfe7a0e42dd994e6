using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// The owner's side of a <see cref="Semaphore"/>. The value lives in a <see cref="SemaphoreCell"/> in shared memory,
/// which processes on this host use directly; the core serves the calls that come as messages (asynchronous waits, and
/// every call of a process that cannot map the memory), queues their waiters in FIFO order, and gives back the permits
/// of processes that die: counted in the cell for processes that use it directly, here for the others.
/// </summary>
internal sealed class SemaphoreCore : SyncCore, ICellCore<SemaphoreCell>
{
    private readonly LinkedList<SyncWaiter> _waiters = new();
    private readonly Dictionary<Address, int> _taken = [];
    private readonly Dictionary<Address, int> _pids = [];
    private readonly CellPump _pump;

    /// <summary>The core over <paramref name="cell"/> (in memory that lives as long as this process).</summary>
    public SemaphoreCore(SemaphoreCell cell)
    {
        Cell = cell;

        // While callers wait here, permits released directly in shared memory (by any process) are handed to them.
        _pump = new CellPump(cell, Gate, () =>
        {
            Serve();
            return _waiters.Count > 0;
        }, "ActorProc semaphore waiters");
    }

    /// <inheritdoc />
    public SemaphoreCell Cell { get; }

    /// <inheritdoc />
    public override ValueTask<int> Invoke(in SyncCall call, CancellationToken cancellationToken) => call.Op switch
    {
        SyncOp.Acquire => Acquire(call, cancellationToken),
        SyncOp.Release => new ValueTask<int>(Release(call.Caller)),
        SyncOp.Value => new ValueTask<int>(Cell.Value),
        SyncOp.Attach => new ValueTask<int>(Attach(call)),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call.Op, "Not a semaphore operation."),
    };

    /// <summary>Gives a permit back for <paramref name="caller"/> (to the first waiter here when there is one).</summary>
    public int Release(SyncCaller caller)
    {
        lock (Gate)
        {
            int pid = PidOf(caller);
            int result = Cell.Release(pid);
            if (result != SyncResult.True)
            {
                return result;
            }

            if (pid == 0 && caller.Process is { } process && _taken.TryGetValue(process, out int taken))
            {
                Count(process, taken - 1);
            }

            Serve();
            return SyncResult.True;
        }
    }

    /// <inheritdoc />
    public override void ProcessGone(Address process)
    {
        lock (Gate)
        {
            DropWaitersOf(_waiters, process);
            if (_pids.Remove(process, out int pid))
            {
                Cell.GiveBack(pid);
            }

            if (_taken.Remove(process, out int taken))
            {
                Cell.GiveBackUncounted(taken);
            }

            Serve();
        }
    }

    private int Attach(in SyncCall call)
    {
        lock (Gate)
        {
            if (call.Caller.Process is { } process)
            {
                _pids[process] = call.Arg;
            }

            return SyncResult.True;
        }
    }

    private ValueTask<int> Acquire(in SyncCall call, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            if (TryTake(call.Caller))
            {
                return new ValueTask<int>(SyncResult.True);
            }

            if (call.Timeout == TimeSpan.Zero)
            {
                return new ValueTask<int>(SyncResult.False);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return new ValueTask<int>(SyncResult.Cancelled);
            }

            var waiter = new SyncWaiter(call.Caller, call.Reply);
            Enqueue(_waiters, waiter);
            _pump.Start();
            return WaitFor(waiter, call.Timeout, cancellationToken);
        }
    }

    // Under the gate: hands free permits to the waiters here, in order.
    private void Serve()
    {
        while (_waiters.First is { } first && TryTake(first.Value.Caller))
        {
            Dequeue(first.Value);
            first.Value.Complete(SyncResult.True);
        }
    }

    // A permit for caller: counted in the cell under its pid when it uses the cell directly, else here.
    private bool TryTake(SyncCaller caller)
    {
        int pid = PidOf(caller);
        if (!Cell.TryAcquire(pid))
        {
            return false;
        }

        if (pid == 0 && caller.Process is { } process)
        {
            Count(process, _taken.GetValueOrDefault(process) + 1);
        }

        return true;
    }

    private int PidOf(SyncCaller caller) => caller.Process is { } process && _pids.TryGetValue(process, out int pid) ? pid : 0;

    private void Count(Address process, int taken)
    {
        if (taken <= 0)
        {
            _taken.Remove(process);
        }
        else
        {
            _taken[process] = taken;
        }
    }
}
