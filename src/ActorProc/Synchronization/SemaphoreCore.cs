using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// The state of a <see cref="Semaphore"/>: the value, a FIFO queue of callers waiting for a permit, and how
/// many permits each other process took and has not given back. When such a process dies its permits are
/// given back, never raising the value above the initial value (a semaphore used as a signal, created with 0,
/// gets no phantom permits from a dead consumer).
/// </summary>
internal sealed class SemaphoreCore : SyncCore
{
    private readonly int _initial;
    private readonly bool _bounded;
    private readonly LinkedList<SyncWaiter> _waiters = new();
    private readonly Dictionary<Address, int> _taken = [];
    private int _value;

    /// <summary>A semaphore with <paramref name="value"/> permits; bounded ones refuse releases past it.</summary>
    public SemaphoreCore(int value, bool bounded)
    {
        _initial = value;
        _value = value;
        _bounded = bounded;
    }

    /// <inheritdoc />
    public override ValueTask<int> Invoke(in SyncCall call, CancellationToken cancellationToken) => call.Op switch
    {
        SyncOp.Acquire => Acquire(call, cancellationToken),
        SyncOp.Release => new ValueTask<int>(Release(call.Caller)),
        SyncOp.Value => new ValueTask<int>(Value()),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call.Op, "Not a semaphore operation."),
    };

    /// <summary>Takes a permit at once if one is free.</summary>
    public bool TryAcquireLocal()
    {
        lock (Gate)
        {
            if (_value > 0)
            {
                _value--;
                return true;
            }

            return false;
        }
    }

    /// <summary>Gives a permit back (to the first waiter when there is one).</summary>
    public int Release(SyncCaller caller)
    {
        lock (Gate)
        {
            if (_bounded && _value >= _initial)
            {
                return SyncResult.Full;
            }

            if (caller.Process is { } process && _taken.TryGetValue(process, out int taken))
            {
                Untake(process, taken);
            }

            GiveOne();
            return SyncResult.True;
        }
    }

    /// <inheritdoc />
    public override void ProcessGone(Address process)
    {
        lock (Gate)
        {
            DropWaitersOf(_waiters, process);
            if (!_taken.Remove(process, out int taken))
            {
                return;
            }

            int room = Math.Max(0, _initial - _value);
            for (int i = Math.Min(taken, room); i > 0; i--)
            {
                GiveOne();
            }
        }
    }

    private int Value()
    {
        lock (Gate)
        {
            return _value;
        }
    }

    private ValueTask<int> Acquire(in SyncCall call, CancellationToken cancellationToken)
    {
        var caller = call.Caller;
        var timeout = call.Timeout;
        lock (Gate)
        {
            if (_value > 0)
            {
                _value--;
                Take(caller);
                return new ValueTask<int>(SyncResult.True);
            }

            if (timeout == TimeSpan.Zero)
            {
                return new ValueTask<int>(SyncResult.False);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return new ValueTask<int>(SyncResult.Cancelled);
            }

            var waiter = new SyncWaiter(caller, call.Reply);
            Enqueue(_waiters, waiter);
            return WaitFor(waiter, timeout, cancellationToken);
        }
    }

    private void GiveOne()
    {
        if (_waiters.First is { } first)
        {
            var waiter = first.Value;
            Dequeue(waiter);
            Take(waiter.Caller);
            waiter.Complete(SyncResult.True);
        }
        else
        {
            _value++;
        }
    }

    private void Take(SyncCaller caller)
    {
        if (caller.Process is { } process)
        {
            _taken[process] = _taken.GetValueOrDefault(process) + 1;
        }
    }

    private void Untake(Address process, int taken)
    {
        if (taken <= 1)
        {
            _taken.Remove(process);
        }
        else
        {
            _taken[process] = taken - 1;
        }
    }
}
