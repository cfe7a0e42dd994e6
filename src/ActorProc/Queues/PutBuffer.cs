using System.Buffers;
using System.Collections.Concurrent;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>
/// Puts of this process to a queue owned by another process, sent in batches (as Python's feeder thread does):
/// a put serializes its item into one shared buffer and, when no flush is pending, schedules one on the thread
/// pool; a flush sends everything appended so far, in order, as <see cref="QueuePutBatch"/> messages (one byte
/// array and its item ends each, at most <see cref="MaxBatchItems"/> items or about <see cref="MaxBatchBytes"/>).
/// Calls that must see this process's puts (Count, gets, Join) flush first, and a process flushes every buffer
/// before it exits.
/// </summary>
/// <remarks>
/// On a bounded queue a put first takes one of the process's credits, space the owner reserved for it (as a
/// process takes a slot of the semaphore of Python's bounded queue): while it has credits, a put is as cheap as on
/// an unbounded queue. Without one, it asks the owner for space for up to a quarter of the queue (one ask at a time
/// per process) and waits, with its timeout or cancellation, until credits come. The owner grants space in turn with
/// the puts that wait; while anything waits for space it asks the producers holding credits to give back those they
/// do not use, and the credits of a producer that dies are free again.
/// </remarks>
internal sealed class PutBuffer : IThreadPoolWorkItem
{
    /// <summary>The most items in one message.</summary>
    public const int MaxBatchItems = 4096;

    /// <summary>A message is closed once its items reach this many bytes (a bigger item travels alone).</summary>
    public const int MaxBatchBytes = 256 * 1024;

    private const int RetainedCapacity = 4 * 1024 * 1024;
    private static readonly ConcurrentDictionary<IActorRef, PutBuffer> Buffers = new();
    private static int _created;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _scratch;

    private readonly IActorRef _owner;
    private readonly string _what;
    private readonly int _want;
    private readonly object _gate = new();
    private readonly object _flushGate = new();
    private readonly SemaphoreSlim _signal = new(0);
    private ArrayBufferWriter<byte> _data = new(4096);
    private List<int> _ends = [];
    private ArrayBufferWriter<byte> _spareData = new(4096);
    private List<int> _spareEnds = [];
    private int _scheduled;
    private IActorRef? _self;
    private int _credits;
    private int _waiting;
    private bool _asked;

    private PutBuffer(IActorRef owner, string what, int maxsize)
    {
        _owner = owner;
        _what = what;
        _want = maxsize > 0 ? Math.Clamp(maxsize / 4, 1, 1024) : 0;
    }

    /// <summary>How many buffers this process has created so far (a handle that found none need not look again until it changes).</summary>
    public static int Created => Volatile.Read(ref _created);

    /// <summary>The buffer for <paramref name="owner"/>'s queue (holding at most <paramref name="maxsize"/> items, 0: unbounded) in this process.</summary>
    public static PutBuffer For(IActorRef owner, string what, int maxsize)
    {
        if (Buffers.TryGetValue(owner, out var buffer))
        {
            return buffer;
        }

        lock (Buffers)
        {
            if (!Buffers.TryGetValue(owner, out buffer))
            {
                buffer = new PutBuffer(owner, what, maxsize);
                if (maxsize > 0)
                {
                    buffer._self = ProcessRuntime.Get().System.SystemActorOf(Props.Create(() => new ProducerActor(buffer)));
                }

                Buffers[owner] = buffer;
                Interlocked.Increment(ref _created);
            }

            return buffer;
        }
    }

    /// <summary>The buffer for <paramref name="owner"/>'s queue if this process has put on it, else null.</summary>
    public static PutBuffer? Find(IActorRef owner) => Buffers.GetValueOrDefault(owner);

    /// <summary>
    /// Before the process exits: sends the pending acknowledgements of this process's gets (<see cref="QueueInbox.FlushAll"/>),
    /// then whatever every buffer holds.
    /// </summary>
    public static void FlushAll()
    {
        QueueInbox.FlushAll();
        foreach (var buffer in Buffers.Values)
        {
            buffer.Flush();
        }
    }

    /// <summary>Unbounded queue: serializes <paramref name="item"/> into the buffer; it is sent with the next flush.</summary>
    /// <exception cref="SerializationException">The item cannot cross a process (nothing was added).</exception>
    public void Add<T>(Serializer serializer, T item)
    {
        lock (_gate)
        {
            serializer.Serialize(_data, item);
            _ends.Add(_data.WrittenCount);
        }

        ScheduleFlush();
    }

    /// <summary>Bounded queue: adds <paramref name="item"/> once this process has a credit, waiting for one up to <paramref name="timeout"/> (null: for ever).</summary>
    /// <returns>False when no space came within the timeout.</returns>
    /// <exception cref="SerializationException">The item cannot cross a process (checked before any wait).</exception>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public bool TryPut<T>(Serializer serializer, T item, TimeSpan? timeout)
    {
        var scratch = _scratch ??= new ArrayBufferWriter<byte>(256);
        scratch.ResetWrittenCount();
        serializer.Serialize(scratch, item);
        if (TryUseCredit(scratch.WrittenSpan, register: false))
        {
            return true;
        }

        long deadline = timeout is { } t ? Environment.TickCount64 + (long)t.TotalMilliseconds : long.MaxValue;
        var gone = ProcessRuntime.Get().Owners.GoneToken(_owner);
        while (true)
        {
            if (TryUseCredit(scratch.WrittenSpan, register: true))
            {
                return true;
            }

            bool signalled = false;
            try
            {
                signalled = _signal.Wait(timeout is null ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64)), gone);
            }
            catch (OperationCanceledException)
            {
                throw OwnerCall.Gone(_owner, _what);
            }
            finally
            {
                Unwait(gaveUp: !signalled);
            }

            if (!signalled)
            {
                return false;
            }
        }
    }

    /// <summary>Bounded queue: adds <paramref name="item"/> once this process has a credit, waiting as long as needed.</summary>
    /// <exception cref="SerializationException">The item cannot cross a process (checked before any wait).</exception>
    /// <exception cref="OperationCanceledException">Cancelled while waiting for space (the item was not added).</exception>
    /// <exception cref="OwnerProcessGoneException">The queue's owner is gone.</exception>
    public async ValueTask PutAsync<T>(Serializer serializer, T item, CancellationToken cancellationToken)
    {
        var scratch = _scratch ??= new ArrayBufferWriter<byte>(256);
        scratch.ResetWrittenCount();
        serializer.Serialize(scratch, item);
        if (TryUseCredit(scratch.WrittenSpan, register: false))
        {
            return;
        }

        var bytes = scratch.WrittenSpan.ToArray();
        var gone = ProcessRuntime.Get().Owners.GoneToken(_owner);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(gone, cancellationToken);
        while (!TryUseCredit(bytes, register: true))
        {
            bool signalled = false;
            try
            {
                await _signal.WaitAsync(linked.Token).ConfigureAwait(false);
                signalled = true;
            }
            catch (OperationCanceledException) when (gone.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw OwnerCall.Gone(_owner, _what);
            }
            finally
            {
                Unwait(gaveUp: !signalled);
            }
        }
    }

    /// <summary>Sends everything appended so far, in order.</summary>
    public void Flush()
    {
        lock (_flushGate)
        {
            ArrayBufferWriter<byte> data;
            List<int> ends;
            lock (_gate)
            {
                if (_ends.Count == 0)
                {
                    return;
                }

                (data, ends) = (_data, _ends);
                (_data, _ends) = (_spareData, _spareEnds);
            }

            Send(data.WrittenSpan, ends);
            ends.Clear();
            if (data.Capacity > RetainedCapacity)
            {
                data = new ArrayBufferWriter<byte>(4096);
            }
            else
            {
                data.ResetWrittenCount();
            }

            (_spareData, _spareEnds) = (data, ends);
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        Volatile.Write(ref _scheduled, 0);
        Flush();
    }

    private void ScheduleFlush()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    // Appends the item when a credit is left; otherwise, when `register`, counts the caller as waiting (it then
    // waits for the signal and calls Unwait) and asks the owner for credits unless an ask is already out.
    private bool TryUseCredit(ReadOnlySpan<byte> item, bool register)
    {
        bool used;
        bool ask = false;
        lock (_gate)
        {
            used = _credits > 0;
            if (used)
            {
                _credits--;
                _data.Write(item);
                _ends.Add(_data.WrittenCount);
            }
            else if (register)
            {
                _waiting++;
                ask = !_asked;
                _asked = true;
            }
        }

        if (used)
        {
            ScheduleFlush();
        }
        else if (ask)
        {
            _owner.Tell(new QueueCreditAsk(_self!, _want), ActorRefs.NoSender);
        }

        return used;
    }

    // A put stops waiting: when it gave up (timeout, cancellation) and no other put waits, the pending ask is dropped.
    private void Unwait(bool gaveUp)
    {
        bool cancel = false;
        lock (_gate)
        {
            _waiting--;
            if (gaveUp && _waiting == 0 && _asked)
            {
                _asked = false;
                cancel = true;
            }
        }

        if (cancel)
        {
            _owner.Tell(new QueueCreditCancel(_self!), ActorRefs.NoSender);
        }
    }

    private void Credited(int count)
    {
        bool askAgain;
        lock (_gate)
        {
            _credits += count;

            // More puts wait than the credits cover: ask again at once (the covered ones are woken below).
            askAgain = _waiting > count;
            _asked = askAgain;
            int wake = Math.Min(_waiting, count);
            if (wake > 0)
            {
                _signal.Release(wake);
            }
        }

        if (askAgain)
        {
            _owner.Tell(new QueueCreditAsk(_self!, _want), ActorRefs.NoSender);
        }
    }

    // The owner needs space: send what used credits, then give back the credits not used.
    private void Recalled()
    {
        Flush();
        int unused;
        lock (_gate)
        {
            unused = _credits;
            _credits = 0;
        }

        _owner.Tell(new QueueCreditReturn(_self!, unused), ActorRefs.NoSender);
    }

    private void Send(ReadOnlySpan<byte> data, List<int> ends)
    {
        int first = 0;
        int start = 0;
        while (first < ends.Count)
        {
            int last = first;
            while (last + 1 < ends.Count && last + 1 - first < MaxBatchItems && ends[last + 1] - start <= MaxBatchBytes)
            {
                last++;
            }

            var batchEnds = new int[last - first + 1];
            for (int i = first; i <= last; i++)
            {
                batchEnds[i - first] = ends[i] - start;
            }

            _owner.Tell(new QueuePutBatch(data[start..ends[last]].ToArray(), batchEnds, _self), ActorRefs.NoSender);
            start = ends[last];
            first = last + 1;
        }
    }

    private sealed class ProducerActor : ReceiveActor
    {
        public ProducerActor(PutBuffer buffer)
        {
            Receive<QueueCredits>(credits => buffer.Credited(credits.Count));
            Receive<QueueCreditRecall>(_ => buffer.Recalled());
        }
    }
}
