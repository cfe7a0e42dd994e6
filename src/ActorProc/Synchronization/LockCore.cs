using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// The state of a <see cref="Lock"/> or <see cref="RLock"/> and of the conditions that use it: the holder
/// (process and thread) with its recursion count, a FIFO queue of callers waiting to acquire it, and per
/// condition the callers waiting to be notified. A condition wait releases the lock and queues the waiter in
/// one step, so no notification is lost; a notified (or timed out) waiter moves to the acquire queue and
/// completes once it holds the lock again, with its recursion count restored.
/// </summary>
internal sealed class LockCore : SyncCore
{
    private readonly bool _reentrant;
    private readonly LinkedList<SyncWaiter> _acquirers = new();
    private readonly Dictionary<long, LinkedList<SyncWaiter>> _conditions = [];
    private bool _held;
    private SyncCaller _holder;
    private int _count;

    /// <summary>A free lock; re-entrant per process and thread when <paramref name="reentrant"/>.</summary>
    public LockCore(bool reentrant) => _reentrant = reentrant;

    /// <summary>The fast path of the owner's own process: takes the lock if it is free (or re-enters it).</summary>
    public bool TryAcquireLocal(int threadId)
    {
        lock (Gate)
        {
            if (!_held)
            {
                _held = true;
                _holder = new SyncCaller(null, threadId);
                _count = 1;
                return true;
            }

            if (_reentrant && _holder.Process is null && _holder.ThreadId == threadId)
            {
                _count++;
                return true;
            }

            return false;
        }
    }

    /// <inheritdoc />
    public override ValueTask<int> Invoke(in SyncCall call, CancellationToken cancellationToken) => call.Op switch
    {
        SyncOp.Acquire => Acquire(call, cancellationToken),
        SyncOp.Release => new ValueTask<int>(Release(call.Caller)),
        SyncOp.ConditionWait => ConditionWait(call, cancellationToken),
        SyncOp.Notify => new ValueTask<int>(Notify(call.Caller, call.Key, call.Arg)),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call.Op, "Not a lock operation."),
    };

    /// <summary>Releases the lock held by <paramref name="caller"/> (any caller for a plain lock).</summary>
    public int Release(SyncCaller caller)
    {
        lock (Gate)
        {
            var check = CheckHeld(caller);
            if (check != SyncResult.True)
            {
                return check;
            }

            if (_reentrant && --_count > 0)
            {
                return SyncResult.True;
            }

            HandOver();
            return SyncResult.True;
        }
    }

    /// <inheritdoc />
    public override void Expire(SyncWaiter waiter, int result)
    {
        lock (Gate)
        {
            if (waiter.IsCompleted || waiter.Node?.List is not { } list)
            {
                return;
            }

            if (ReferenceEquals(list, _acquirers))
            {
                // A condition waiter in this queue was notified already: it must get the lock back, whatever happens now.
                if (waiter.Key == 0)
                {
                    Dequeue(waiter);
                    waiter.Complete(result);
                }

                return;
            }

            // Waiting on a condition: stop waiting, but get the lock back before returning.
            Dequeue(waiter);
            DropEmptyCondition(waiter.Key, list);
            waiter.Outcome = result;
            Enqueue(_acquirers, waiter);
            if (!_held)
            {
                HandOver();
            }
        }
    }

    /// <inheritdoc />
    public override void ProcessGone(Address process)
    {
        lock (Gate)
        {
            DropWaitersOf(_acquirers, process);
            foreach (var (key, waiters) in _conditions.ToList())
            {
                DropWaitersOf(waiters, process);
                DropEmptyCondition(key, waiters);
            }

            if (_held && _holder.IsIn(process))
            {
                HandOver();
            }
        }
    }

    private ValueTask<int> Acquire(in SyncCall call, CancellationToken cancellationToken)
    {
        var caller = call.Caller;
        var timeout = call.Timeout;
        lock (Gate)
        {
            if (!_held)
            {
                Grant(caller, 1);
                return new ValueTask<int>(SyncResult.True);
            }

            if (_reentrant && _holder == caller)
            {
                _count++;
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

            var waiter = new SyncWaiter(caller, call.Reply) { Value = 1, Outcome = SyncResult.True };
            Enqueue(_acquirers, waiter);
            return WaitFor(waiter, timeout, cancellationToken);
        }
    }

    private ValueTask<int> ConditionWait(in SyncCall call, CancellationToken cancellationToken)
    {
        var caller = call.Caller;
        long condition = call.Key;
        var timeout = call.Timeout;
        lock (Gate)
        {
            var check = CheckHeld(caller);
            if (check != SyncResult.True)
            {
                return new ValueTask<int>(check);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return new ValueTask<int>(SyncResult.Cancelled);
            }

            var waiter = new SyncWaiter(caller, call.Reply) { Value = _reentrant ? _count : 1, Key = condition, Outcome = SyncResult.True };
            if (!_conditions.TryGetValue(condition, out var waiters))
            {
                _conditions[condition] = waiters = new LinkedList<SyncWaiter>();
            }

            Enqueue(waiters, waiter);
            HandOver();
            return WaitFor(waiter, timeout, cancellationToken);
        }
    }

    private int Notify(SyncCaller caller, long condition, int n)
    {
        lock (Gate)
        {
            var check = CheckHeld(caller);
            if (check != SyncResult.True || !_conditions.TryGetValue(condition, out var waiters))
            {
                return check;
            }

            for (int i = 0; i < n && waiters.First is { } first; i++)
            {
                var waiter = first.Value;
                Dequeue(waiter);
                Enqueue(_acquirers, waiter);
            }

            DropEmptyCondition(condition, waiters);
            return SyncResult.True;
        }
    }

    private int CheckHeld(SyncCaller caller)
    {
        if (!_held)
        {
            return SyncResult.NotHeld;
        }

        return _reentrant && _holder != caller ? SyncResult.NotOwner : SyncResult.True;
    }

    private void Grant(SyncCaller caller, int count)
    {
        _held = true;
        _holder = caller;
        _count = count;
    }

    /// <summary>Frees the lock and gives it to the first waiter, if any.</summary>
    private void HandOver()
    {
        _held = false;
        _count = 0;
        if (_acquirers.First is { } first)
        {
            var waiter = first.Value;
            Dequeue(waiter);
            Grant(waiter.Caller, waiter.Value);
            waiter.Complete(waiter.Outcome);
        }
    }

    private void DropEmptyCondition(long condition, LinkedList<SyncWaiter> waiters)
    {
        if (waiters.Count == 0)
        {
            _conditions.Remove(condition);
        }
    }
}
