using System.Collections.Concurrent;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// Where handles in other processes send their calls on a synchronization object: a ref under <c>/temp</c> (as pipe
/// endpoints and manager stores are) whose <see cref="Tell"/> runs the call on the object's <see cref="SyncCore"/> on
/// the thread that delivers it (the remoting reader) and answers from there: no hop to an actor's thread, one thread
/// wake-up less per call. A call that waits is answered by the core's waiter when it completes.
/// </summary>
/// <remarks>
/// It knows the process of every caller; the first call of a process asks the <see cref="SyncOwner"/> actor to
/// death-watch it, and when one dies (<see cref="ProcessGone"/>) the core drops that process's waiters and gives back
/// what it held. Calls that arrive from a process already known dead are ignored. It never sends a death notification:
/// it lives as long as its process, whose end a watcher elsewhere learns from its association.
/// </remarks>
internal sealed class SyncFront : DirectRef
{
    private readonly object _lock = new();
    private readonly SyncCore _core;
    private readonly IActorRef _watcher;
    private readonly Dictionary<Address, IActorRef?> _callers = [];   // caller process -> its watch target (null: this process)
    private readonly HashSet<Address> _gone = [];
    private readonly ConcurrentDictionary<long, Pending> _pending = new();

    private SyncFront(ProcessRuntime runtime, SyncCore core)
        : base(runtime.System, "sync")
    {
        _core = core;
        _watcher = runtime.CreateOwner(Props.Create(() => new SyncOwner(this)));
        Register();
    }

    /// <summary>The front of <paramref name="core"/> in this process, registered so that handles elsewhere reach it.</summary>
    public static SyncFront Create(SyncCore core) => new(ProcessRuntime.Get(), core);

    /// <summary>Runs a <see cref="SyncRequest"/> or a <see cref="SyncCancel"/>; anything else is ignored.</summary>
    public override void Tell(object message, IActorRef? sender)
    {
        switch (message)
        {
            case SyncRequest request when sender is not null:
                OnRequest(request, sender);
                break;
            case SyncCancel cancel:
                if (_pending.TryGetValue(cancel.Id, out var pending))
                {
                    pending.Cancellation.Cancel();
                }

                break;
        }
    }

    /// <summary>The process at <paramref name="process"/> died (its watch fired): drop its waiters and give back what it held.</summary>
    public void ProcessGone(Address process)
    {
        lock (_lock)
        {
            _gone.Add(process);
            _callers.Remove(process);
            _core.ProcessGone(process);
        }

        foreach (var pending in _pending.Values)
        {
            if (process.Equals(pending.Process))
            {
                pending.Cancellation.Cancel();
            }
        }
    }

    private void OnRequest(SyncRequest request, IActorRef sender)
    {
        var process = ProcessLiveness.ProcessOf(sender);
        var timeout = request.TimeoutTicks < 0 ? (TimeSpan?)null : TimeSpan.FromTicks(request.TimeoutTicks);
        Pending pending;
        ValueTask<int> result;
        lock (_lock)
        {
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
                    _watcher.Tell(new SyncOwner.WatchCaller(process, target), ActorRefs.NoSender);
                }
            }

            Address? remote = target is null ? null : process;
            pending = new Pending(request.Id, remote, request.OneWay ? null : sender, _pending);
            if (!request.OneWay)
            {
                _pending[request.Id] = pending;
            }

            var call = new SyncCall(new SyncCaller(remote, request.ThreadId), request.Op, request.Arg, request.Key, timeout, pending);
            try
            {
                result = _core.Invoke(call, pending.Cancellation.Token);
            }
            catch (Exception e)
            {
                _pending.TryRemove(request.Id, out _);
                if (!request.OneWay)
                {
                    sender.Tell(new Status.Failure(e), this);
                }

                return;
            }
        }

        // A call that waits is answered by its waiter, straight from the core, when it completes.
        if (result.IsCompleted)
        {
            pending.Reply(result.Result);
        }
    }

    /// <summary>A call in progress: answered once (here, or by the core's waiter) and then forgotten; a one-way call (no <paramref name="replyTo"/>) is not answered.</summary>
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
