using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// The state of a <see cref="Barrier"/>: the parties waiting in the current round (each with its arrival index)
/// and whether the barrier is broken. A wait that times out or is cancelled breaks it, as does
/// <see cref="SyncOp.Abort"/> and the death of a waiting party's process.
/// </summary>
internal sealed class BarrierCore : SyncCore
{
    private readonly int _parties;
    private readonly LinkedList<SyncWaiter> _waiting = new();
    private bool _broken;

    /// <summary>A barrier for <paramref name="parties"/> parties.</summary>
    public BarrierCore(int parties) => _parties = parties;

    /// <inheritdoc />
    public override ValueTask<int> Invoke(in SyncCall call, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            switch (call.Op)
            {
                case SyncOp.Wait:
                    return Wait(call, cancellationToken);
                case SyncOp.Abort:
                    Break();
                    return new ValueTask<int>(SyncResult.True);
                case SyncOp.Reset:
                    Break();
                    _broken = false;
                    return new ValueTask<int>(SyncResult.True);
                case SyncOp.IsBroken:
                    return new ValueTask<int>(_broken ? SyncResult.True : SyncResult.False);
                case SyncOp.Waiting:
                    return new ValueTask<int>(_waiting.Count);
                default:
                    throw new ArgumentOutOfRangeException(nameof(call), call.Op, "Not a barrier operation.");
            }
        }
    }

    /// <inheritdoc />
    public override void Expire(SyncWaiter waiter, int result)
    {
        lock (Gate)
        {
            if (!waiter.IsCompleted && Dequeue(waiter))
            {
                // As Python: a party that stops waiting breaks the barrier for all.
                waiter.Complete(result == SyncResult.Cancelled ? SyncResult.Cancelled : SyncResult.Broken);
                Break();
            }
        }
    }

    /// <inheritdoc />
    public override void ProcessGone(Address process)
    {
        lock (Gate)
        {
            if (_waiting.Any(w => w.Caller.IsIn(process)))
            {
                Break();
            }
        }
    }

    private ValueTask<int> Wait(in SyncCall call, CancellationToken cancellationToken)
    {
        if (_broken)
        {
            return new ValueTask<int>(SyncResult.Broken);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return new ValueTask<int>(SyncResult.Cancelled);
        }

        int index = _waiting.Count;
        if (index + 1 == _parties)
        {
            while (_waiting.First is { } first)
            {
                Dequeue(first.Value);
                first.Value.Complete(first.Value.Value);
            }

            return new ValueTask<int>(index);
        }

        var waiter = new SyncWaiter(call.Caller, call.Reply) { Value = index };
        Enqueue(_waiting, waiter);
        return WaitFor(waiter, call.Timeout, cancellationToken);
    }

    private void Break()
    {
        _broken = true;
        while (_waiting.First is { } first)
        {
            Dequeue(first.Value);
            first.Value.Complete(SyncResult.Broken);
        }
    }
}
