using System.Diagnostics;
using System.Runtime.ExceptionServices;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>
/// The consuming side of one queue owned by another process, in this process, shared by every handle of that
/// queue here. It asks the owner for items ahead of its gets (its window) and receives them many per message.
/// </summary>
/// <remarks>
/// <para>The window follows the consumer's own pace: it covers about <see cref="WorkAhead"/> of the consumer's work
/// between gets (time spent waiting inside a get does not count), at least one item and at most
/// <see cref="MaxWindow"/>. A fast consumer streams; one whose items take long holds few items another process
/// could have taken. More is asked for once what is held and on its way falls to half the window.</para>
/// <para>Items a get returned are acknowledged to the owner in batches: with the next demand, or (bounded queues,
/// whose space they free, JoinableQueues, and whenever the owner cannot read the shared counters) by a flush
/// scheduled at once. Exactness does not depend on them: before a get returns it records the count of items
/// returned in the <see cref="ConsumerCounters"/> the owner reads if this process dies, so the owner delivers
/// again exactly the items no get returned. Taking, deserializing and counting an item happen under one gate, so
/// the count always names the items returned even when several threads take.</para>
/// </remarks>
internal sealed class QueueInbox : IThreadPoolWorkItem
{
    /// <summary>The most items a process asks for ahead of its gets.</summary>
    public const int MaxWindow = 512;

    /// <summary>How much of the consumer's own work (time between its gets) the window covers.</summary>
    public static readonly TimeSpan WorkAhead = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// How long items may stay held here while no get of this process takes any: then they go back to the queue for the
    /// other processes (a consumer that stopped getting must not keep items others wait for).
    /// </summary>
    public static readonly TimeSpan IdleGiveBack = TimeSpan.FromMilliseconds(20);

    private static readonly long WorkAheadTicks = (long)(WorkAhead.TotalSeconds * Stopwatch.Frequency);
    private static readonly long IdleGiveBackTicks = (long)(IdleGiveBack.TotalSeconds * Stopwatch.Frequency);
    private static readonly Dictionary<IActorRef, QueueInbox> Inboxes = [];
    private static volatile QueueInbox[] _all = [];

    private readonly IActorRef _owner;
    private readonly string _what;
    private readonly bool _promptAcks;
    private readonly ConsumerCounters? _counters;
    private readonly object _gate = new();
    private readonly System.Collections.Generic.Queue<Delivery> _deliveries = new();
    private readonly SemaphoreSlim _signal = new(0);
    private IActorRef _self = null!;
    private int _held;
    private int _outstanding;
    private int _window = 1;
    private int _waiting;
    private long _returned;
    private long _returnedSent;
    private long _done;
    private long _doneSent;
    private long _workAverage = -1;
    private long _lastTake;
    private long _nextReply;
    private long _replied;
    private int _flushScheduled;
    private bool _countersMapped;
    private long _lastActivity;
    private Timer? _idleTimer;
    private bool _idleTimerArmed;

    private QueueInbox(IActorRef owner, string what, bool promptAcks)
    {
        _owner = owner;
        _what = what;
        _promptAcks = promptAcks;
        _counters = ConsumerCounters.Create();
    }

    /// <summary>Items held here, not yet returned by a get.</summary>
    public int Buffered => Volatile.Read(ref _held);

    /// <summary>
    /// The inbox of <paramref name="owner"/>'s queue in this process, created (and introduced to the owner) on first
    /// use. <paramref name="promptAcks"/>: returned items must be acknowledged at once (bounded or joinable queues).
    /// </summary>
    public static QueueInbox For(IActorRef owner, string what, bool promptAcks)
    {
        lock (Inboxes)
        {
            if (!Inboxes.TryGetValue(owner, out var inbox))
            {
                inbox = new QueueInbox(owner, what, promptAcks);
                inbox._self = ProcessRuntime.Get().System.SystemActorOf(Props.Create(() => new InboxActor(inbox)));
                owner.Tell(new QueueSubscribe(inbox._self, inbox._counters?.Path, inbox._counters?.Token ?? []), ActorRefs.NoSender);
                Inboxes[owner] = inbox;
                _all = [.. _all, inbox];
            }

            return inbox;
        }
    }

    /// <summary>The inbox of <paramref name="owner"/>'s queue if this process has taken from it, else null.</summary>
    public static QueueInbox? Find(IActorRef owner)
    {
        lock (Inboxes)
        {
            return Inboxes.GetValueOrDefault(owner);
        }
    }

    /// <summary>Sends every inbox's pending acknowledgements (before the process exits) and removes counter files the owner never mapped.</summary>
    public static void FlushAll()
    {
        foreach (var inbox in _all)
        {
            inbox.FlushAcks();
            inbox._counters?.DeleteFile();
        }
    }

    /// <summary>Takes the next item, waiting up to <paramref name="timeout"/> (null: for ever); false on timeout.</summary>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public bool TryTake<T>(TimeSpan? timeout, CancellationToken cancellationToken, out T value)
    {
        long entry = Stopwatch.GetTimestamp();
        if (timeout == TimeSpan.Zero)
        {
            return TryTakeNow(entry, out value);
        }

        long deadline = timeout is { } t ? Environment.TickCount64 + (long)t.TotalMilliseconds : long.MaxValue;
        bool waited = false;
        var gone = ProcessRuntime.Get().Owners.GoneToken(_owner);
        CancellationTokenSource? linked = null;
        try
        {
            while (true)
            {
                if (Step(entry, waited, register: true, out value))
                {
                    return true;
                }

                bool signalled;
                try
                {
                    var token = cancellationToken.CanBeCanceled ? (linked ??= CancellationTokenSource.CreateLinkedTokenSource(gone, cancellationToken)).Token : gone;
                    signalled = _signal.Wait(timeout is null ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64)), token);
                }
                catch (OperationCanceledException) when (gone.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw OwnerCall.Gone(_owner, _what);
                }
                finally
                {
                    Unwait();
                }

                if (!signalled)
                {
                    value = default!;
                    return false;
                }

                waited = true;
            }
        }
        finally
        {
            linked?.Dispose();
        }
    }

    /// <summary>Takes the next item, waiting as long as needed.</summary>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public async ValueTask<T> TakeAsync<T>(CancellationToken cancellationToken)
    {
        long entry = Stopwatch.GetTimestamp();
        bool waited = false;
        var gone = ProcessRuntime.Get().Owners.GoneToken(_owner);
        CancellationTokenSource? linked = null;
        try
        {
            while (true)
            {
                if (Step(entry, waited, register: true, out T value))
                {
                    return value;
                }

                try
                {
                    var token = cancellationToken.CanBeCanceled ? (linked ??= CancellationTokenSource.CreateLinkedTokenSource(gone, cancellationToken)).Token : gone;
                    await _signal.WaitAsync(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (gone.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw OwnerCall.Gone(_owner, _what);
                }
                finally
                {
                    Unwait();
                }

                waited = true;
            }
        }
        finally
        {
            linked?.Dispose();
        }
    }

    /// <summary>JoinableQueue: one item taken in this process is done.</summary>
    /// <exception cref="InvalidOperationException">More TaskDone calls than items taken here.</exception>
    public void TaskDone()
    {
        lock (_gate)
        {
            if (_done >= _returned)
            {
                throw new InvalidOperationException($"TaskDone was called more times than items were taken from this {_what} in this process.");
            }

            _done++;
            if (_counters is not null)
            {
                _counters.Done = _done;
            }
        }

        ScheduleFlush();
    }

    void IThreadPoolWorkItem.Execute()
    {
        Volatile.Write(ref _flushScheduled, 0);
        FlushAcks();
    }

    // A non-blocking get: what is held here, else one item the owner has now (asked and answered through the
    // inbox, so that it comes after every delivery sent before).
    private bool TryTakeNow<T>(long entry, out T value)
    {
        if (Step(entry, waited: false, register: false, out value))
        {
            return true;
        }

        long id = Interlocked.Increment(ref _nextReply);
        _owner.Tell(new QueueTryTake(_self, id), ActorRefs.NoSender);
        var gone = ProcessRuntime.Get().Owners.GoneToken(_owner);
        while (true)
        {
            lock (_gate)
            {
                if (_replied >= id)
                {
                    break;
                }

                _waiting++;
            }

            try
            {
                _signal.Wait(gone);
            }
            catch (OperationCanceledException)
            {
                throw OwnerCall.Gone(_owner, _what);
            }
            finally
            {
                Unwait();
            }
        }

        // No demand: a process that only polls should not have items delivered ahead that others could take.
        return Step(entry, waited: true, register: false, out value, ask: false);
    }

    // Takes a held item if there is one (deserialized, counted and acknowledged or scheduled for acknowledgement
    // before it is returned); otherwise, when `register`, the caller is counted as waiting and must wait for the
    // signal, then call Unwait. Asks for more items (when `ask`) once what is held and on its way fell to half the window.
    private bool Step<T>(long entry, bool waited, bool register, out T value, bool ask = true)
    {
        object? message;
        ExceptionDispatchInfo? failure = null;
        bool took;
        bool flush = false;
        lock (_gate)
        {
            if (!waited && _lastTake != 0)
            {
                long sample = entry - _lastTake;
                _workAverage = _workAverage < 0 ? sample : _workAverage + ((sample - _workAverage) / 4);
            }

            if (_held == 0)
            {
                value = default!;
                took = false;
                if (!register)
                {
                    return false;
                }

                _waiting++;
            }
            else
            {
                var item = NextItem();
                try
                {
                    var runtime = ProcessRuntime.Get();
                    value = runtime.Serializer.Deserialize<T>(item.Bytes, runtime.System);
                }
                catch (Exception e)
                {
                    // The item is consumed either way: the get returns its failure.
                    failure = ExceptionDispatchInfo.Capture(e);
                    value = default!;
                }

                _returned++;
                if (_counters is not null)
                {
                    _counters.Returned = _returned;
                }

                _lastTake = waited ? Stopwatch.GetTimestamp() : entry;
                _lastActivity = _lastTake;
                took = true;
            }

            message = ask ? Demand() : null;
            if (message is null)
            {
                if (!took)
                {
                    // About to wait: the acknowledgements go now (on this thread, which has nothing else to do).
                    message = TakeAck();
                }
                else
                {
                    flush = _promptAcks || !_countersMapped;
                }
            }
        }

        if (message is not null)
        {
            _owner.Tell(message, ActorRefs.NoSender);
        }
        else if (flush)
        {
            ScheduleFlush();
        }

        failure?.Throw();
        return took;
    }

    // Under the gate: the pending acknowledgements as a message, if any.
    private QueueAck? TakeAck()
    {
        if (_returned == _returnedSent && _done == _doneSent)
        {
            return null;
        }

        var ack = new QueueAck(_self, (int)(_returned - _returnedSent), (int)(_done - _doneSent));
        _returnedSent = _returned;
        _doneSent = _done;
        return ack;
    }

    // Under the gate: a demand when what is held and on its way fell to half the window (it carries the pending acknowledgements).
    private QueueDemand? Demand()
    {
        int target = _workAverage < 0 ? 1 : (int)Math.Clamp(WorkAheadTicks / Math.Max(1, _workAverage), 1, MaxWindow);
        _window = target > _window ? Math.Min(target, _window * 2) : target;
        int have = _held + _outstanding;
        if (have > _window / 2 || have >= _window)
        {
            return null;
        }

        int want = _window - have;
        _outstanding += want;
        var demand = new QueueDemand(_self, want, (int)(_returned - _returnedSent), (int)(_done - _doneSent));
        _returnedSent = _returned;
        _doneSent = _done;
        return demand;
    }

    private QueueItem NextItem()
    {
        var delivery = _deliveries.Peek();
        var item = delivery.Next();
        if (delivery.IsEmpty)
        {
            _deliveries.Dequeue();
        }

        _held--;
        return item;
    }

    private void Unwait()
    {
        lock (_gate)
        {
            _waiting--;
        }
    }

    private void ScheduleFlush()
    {
        if (Interlocked.Exchange(ref _flushScheduled, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private void FlushAcks()
    {
        QueueAck? ack;
        lock (_gate)
        {
            ack = TakeAck();
        }

        if (ack is not null)
        {
            _owner.Tell(ack, ActorRefs.NoSender);
        }
    }

    private void Deliver(QueueDeliver deliver)
    {
        int count = deliver.Ends.Length;
        lock (_gate)
        {
            if (count > 0)
            {
                _deliveries.Enqueue(new Delivery(deliver.Data, deliver.Ends));
                _held += count;
                _lastActivity = Stopwatch.GetTimestamp();
                ArmIdleTimer(IdleGiveBack);
            }

            if (deliver.Reply == 0)
            {
                _outstanding = Math.Max(0, _outstanding - count);
            }
            else
            {
                _replied = Math.Max(_replied, deliver.Reply);
            }

            // Wake as many waiting gets as there are new items (every waiter for a reply); a wake that finds
            // nothing (another get took the item) waits again.
            int wake = deliver.Reply != 0 ? _waiting : Math.Min(_waiting, count);
            if (wake > 0)
            {
                _signal.Release(wake);
            }
        }
    }

    // Under the gate: checks for idle held items after `due` (one timer per inbox, armed while items are held).
    private void ArmIdleTimer(TimeSpan due)
    {
        if (_idleTimerArmed)
        {
            return;
        }

        _idleTimerArmed = true;
        _idleTimer ??= new Timer(static state => ((QueueInbox)state!).OnIdleCheck(), this, Timeout.Infinite, Timeout.Infinite);
        _idleTimer.Change(due, Timeout.InfiniteTimeSpan);
    }

    // Items held while no get took any for IdleGiveBack go back to the owner, with the demand cancelled and the
    // window reset; a later get asks again. A get waiting here means nothing is held, so none is given back under it.
    private void OnIdleCheck()
    {
        QueueGiveBack? back = null;
        lock (_gate)
        {
            _idleTimerArmed = false;
            if (_held == 0)
            {
                return;
            }

            long idle = Stopwatch.GetTimestamp() - _lastActivity;
            if (idle < IdleGiveBackTicks || _waiting > 0)
            {
                ArmIdleTimer(TimeSpan.FromSeconds((double)Math.Max(IdleGiveBackTicks - idle, IdleGiveBackTicks / 4) / Stopwatch.Frequency));
                return;
            }

            back = new QueueGiveBack(_self, _held, (int)(_returned - _returnedSent), (int)(_done - _doneSent));
            _returnedSent = _returned;
            _doneSent = _done;
            _deliveries.Clear();
            _held = 0;
            _outstanding = 0;
            _window = 1;
            _workAverage = -1;
            _lastTake = 0;
        }

        _owner.Tell(back, ActorRefs.NoSender);
    }

    private sealed class Delivery(byte[] data, int[] ends)
    {
        private int _next;

        public bool IsEmpty => _next == ends.Length;

        public QueueItem Next()
        {
            int start = _next == 0 ? 0 : ends[_next - 1];
            var item = new QueueItem(data, start, ends[_next] - start);
            _next++;
            return item;
        }
    }

    private sealed class InboxActor : ReceiveActor
    {
        public InboxActor(QueueInbox inbox)
        {
            Receive<QueueDeliver>(inbox.Deliver);
            Receive<QueueSubscribed>(subscribed =>
            {
                lock (inbox._gate)
                {
                    inbox._countersMapped = subscribed.CountersMapped;
                }

                // Mapped (and removed) by the owner, or of no use to it (another host): the file can go.
                inbox._counters?.DeleteFile();
            });
        }
    }
}
