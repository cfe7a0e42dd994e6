using System.Collections.Concurrent;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// The owner actor of a synchronization object: runs the calls of handles in other processes on the object's
/// <see cref="SyncCore"/> and replies with the result code. It death-watches the process of every caller; when
/// one dies the core drops that process's waiters and gives back what it held (locks, permits), or breaks the
/// barrier it waited at. Calls that arrive from a process already known dead are ignored.
/// </summary>
internal sealed class SyncOwner : ReceiveActor
{
    private readonly SyncCore _core;
    private readonly Dictionary<Address, IActorRef?> _callers = [];   // caller process -> its watch target
    private readonly Dictionary<IActorRef, Address> _watched = [];
    private readonly HashSet<Address> _gone = [];
    private readonly ConcurrentDictionary<long, Pending> _pending = new();

    /// <summary>The owner of <paramref name="core"/>.</summary>
    public SyncOwner(SyncCore core)
    {
        _core = core;
        Receive<SyncRequest>(OnRequest);
        Receive<SyncCancel>(cancel =>
        {
            if (_pending.TryGetValue(cancel.Id, out var pending))
            {
                pending.Cancellation.Cancel();
            }
        });
        Receive<Terminated>(OnTerminated);
    }

    private void OnRequest(SyncRequest request)
    {
        var sender = Sender;
        var process = ProcessLiveness.ProcessOf(sender);
        Address? remote = null;
        if (!_callers.TryGetValue(process, out var target))
        {
            if (_gone.Contains(process))
            {
                return;
            }

            // A process is watched from its first call on (null target: this very process, which needs no watch).
            target = ProcessLiveness.WatchTarget(process);
            _callers[process] = target;
            if (target is not null)
            {
                _watched[target] = process;
                Context.Watch(target);
            }
        }

        if (target is not null)
        {
            remote = process;
        }

        var timeout = request.TimeoutTicks < 0 ? (TimeSpan?)null : TimeSpan.FromTicks(request.TimeoutTicks);
        var pending = new Pending(request.Id, remote, request.OneWay ? null : sender, _pending);
        if (!request.OneWay)
        {
            _pending[request.Id] = pending;
        }

        var call = new SyncCall(new SyncCaller(remote, request.ThreadId), request.Op, request.Arg, request.Key, timeout, pending);
        ValueTask<int> result;
        try
        {
            result = _core.Invoke(call, pending.Cancellation.Token);
        }
        catch (Exception e)
        {
            _pending.TryRemove(request.Id, out _);
            if (!request.OneWay)
            {
                sender.Tell(new Status.Failure(e), Self);
            }

            return;
        }

        // A call that waits is answered by its waiter, straight from the core, when it completes.
        if (result.IsCompleted)
        {
            pending.Reply(result.Result);
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        if (!_watched.Remove(terminated.ActorRef, out var process))
        {
            return;
        }

        _gone.Add(process);
        _callers.Remove(process);
        _core.ProcessGone(process);
        foreach (var pending in _pending.Values)
        {
            if (process.Equals(pending.Process))
            {
                pending.Cancellation.Cancel();
            }
        }
    }

    /// <summary>A call in progress: answered once (by the owner, or by the core's waiter) and then forgotten; a one-way call (no <paramref name="replyTo"/>) is not answered.</summary>
    private sealed class Pending(long id, Address? process, IActorRef? replyTo, ConcurrentDictionary<long, Pending> table) : ISyncReply
    {
        private int _replied;

        public Address? Process { get; } = process;

        public CancellationTokenSource Cancellation { get; } = new();

        public void Reply(int result)
        {
            if (Interlocked.Exchange(ref _replied, 1) == 0)
            {
                table.TryRemove(id, out _);
                replyTo?.Tell(result, ActorRefs.NoSender);
            }
        }
    }
}
