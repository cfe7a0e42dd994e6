using System.Diagnostics;

namespace ActorProc.Actors.Dispatch;

/// <summary>
/// An actor's mailbox and its unit of scheduling. Senders enqueue and, when the mailbox is idle, flip it to
/// scheduled with one CAS and hand it to the dispatcher; the thread-pool thread that runs it processes
/// system messages first, then up to <c>throughput</c> user messages, then releases the flag and
/// reschedules itself only if more work arrived. At most one thread runs a mailbox at a time, so the actor
/// needs no locks.
/// </summary>
/// <remarks>
/// Ordering rule of the status word: a producer enqueues, then reads the status; the consumer clears the
/// scheduled bit with a full fence, then checks the queues. One of the two always sees the other's write,
/// so no message is left behind unscheduled.
/// </remarks>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int ScheduledBit = 1;
    private const int ClosedBit = 2;

    private readonly IMessageQueue _queue;
    private readonly Dispatcher _dispatcher;
    private LinkedList<Envelope>? _prepended;
    private SystemMessage? _systemHead;
    private ActorCell _cell = null!;
    private int _status;

    public Mailbox(IMessageQueue queue, Dispatcher dispatcher)
    {
        _queue = queue;
        _dispatcher = dispatcher;
    }

    /// <summary>True once the actor has stopped.</summary>
    public bool IsClosed => (Volatile.Read(ref _status) & ClosedBit) != 0;

    public void SetActor(ActorCell cell) => _cell = cell;

    /// <summary>Queues a user message (any thread).</summary>
    public void Post(in Envelope envelope)
    {
        if (!_queue.TryEnqueue(envelope, out var dropped, out var displaced))
        {
            _cell.DeadLetter(dropped);
            return;
        }

        if (displaced)
        {
            _cell.DeadLetter(dropped);
        }

        if (IsClosed)
        {
            DrainUserMessagesToDeadLetters();
            return;
        }

        TrySchedule();
    }

    /// <summary>Queues a system message (any thread).</summary>
    public void PostSystem(SystemMessage message)
    {
        while (true)
        {
            var head = Volatile.Read(ref _systemHead);
            message.Next = head;
            if (Interlocked.CompareExchange(ref _systemHead, message, head) == head)
            {
                break;
            }
        }

        if (IsClosed)
        {
            DrainSystemMessagesOfDeadActor();
            return;
        }

        TrySchedule();
    }

    /// <summary>Puts messages back at the front, in order (used by unstash; mailbox thread only).</summary>
    public void Prepend(IEnumerable<Envelope> envelopes)
    {
        _prepended ??= new LinkedList<Envelope>();
        var anchor = _prepended.First;
        foreach (var envelope in envelopes)
        {
            if (anchor is null)
            {
                _prepended.AddLast(envelope);
            }
            else
            {
                _prepended.AddBefore(anchor, envelope);
            }
        }
    }

    /// <summary>Marks the mailbox closed and sends what is left to dead letters (mailbox thread only).</summary>
    public void Close()
    {
        Interlocked.Or(ref _status, ClosedBit);
        if (_prepended is not null)
        {
            foreach (var envelope in _prepended)
            {
                _cell.DeadLetter(envelope);
            }

            _prepended.Clear();
        }

        DrainUserMessagesToDeadLetters();
        DrainSystemMessagesOfDeadActor();
    }

    /// <summary>Schedules the mailbox if it is idle (used after resume and after async completion).</summary>
    public void TrySchedule()
    {
        while (true)
        {
            var status = Volatile.Read(ref _status);
            if ((status & (ScheduledBit | ClosedBit)) != 0)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _status, status | ScheduledBit, status) == status)
            {
                _dispatcher.Schedule(this);
                return;
            }
        }
    }

    void IThreadPoolWorkItem.Execute() => Run();

    private void Run()
    {
        var cell = _cell;
        var previous = ActorCell.Enter(cell);
        try
        {
            ProcessSystemMessages(cell);
            ProcessUserMessages(cell);
        }
        finally
        {
            ActorCell.Leave(previous);
            Interlocked.And(ref _status, ~ScheduledBit);
            if (HasPendingWork(cell))
            {
                TrySchedule();
            }
        }
    }

    private bool HasPendingWork(ActorCell cell) =>
        Volatile.Read(ref _systemHead) is not null || cell.CanProcessUserMessages && (_queue.HasMessages || _prepended is { Count: > 0 });

    private void ProcessSystemMessages(ActorCell cell)
    {
        while (!IsClosed && TakeSystemMessages() is { } batch)
        {
            for (var message = batch; message is not null;)
            {
                var next = message.Next;
                message.Next = null;
                if (IsClosed)
                {
                    cell.SystemInvokeWhenDead(message);
                }
                else
                {
                    cell.SystemInvoke(message);
                }

                message = next;
            }
        }
    }

    /// <summary>Takes every pending system message at once, oldest first (safe for any number of takers).</summary>
    private SystemMessage? TakeSystemMessages()
    {
        var stack = Interlocked.Exchange(ref _systemHead, null);
        SystemMessage? ordered = null;
        while (stack is not null)
        {
            var next = stack.Next;
            stack.Next = ordered;
            ordered = stack;
            stack = next;
        }

        return ordered;
    }

    private void ProcessUserMessages(ActorCell cell)
    {
        var left = _dispatcher.Throughput;
        var deadline = _dispatcher.ThroughputDeadlineTicks > 0 ? Stopwatch.GetTimestamp() + _dispatcher.ThroughputDeadlineTicks : long.MaxValue;
        while (left-- > 0 && cell.CanProcessUserMessages && TryTakeUserMessage(out var envelope))
        {
            cell.Invoke(envelope);
            if (Volatile.Read(ref _systemHead) is not null)
            {
                ProcessSystemMessages(cell);
            }

            if (deadline != long.MaxValue && Stopwatch.GetTimestamp() >= deadline)
            {
                break;
            }
        }
    }

    private bool TryTakeUserMessage(out Envelope envelope)
    {
        if (_prepended is { Count: > 0 })
        {
            envelope = _prepended.First!.Value;
            _prepended.RemoveFirst();
            return true;
        }

        return _queue.TryDequeue(out envelope);
    }

    // Once closed, any thread may drain, so the single-consumer user queue is drained under a lock.
    private void DrainUserMessagesToDeadLetters()
    {
        lock (this)
        {
            while (_queue.TryDequeue(out var envelope))
            {
                _cell.DeadLetter(envelope);
            }
        }
    }

    private void DrainSystemMessagesOfDeadActor()
    {
        for (var message = TakeSystemMessages(); message is not null;)
        {
            var next = message.Next;
            message.Next = null;
            _cell.SystemInvokeWhenDead(message);
            message = next;
        }
    }
}
