using System.Net.Sockets;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Pipes;

/// <summary>
/// One end of a pipe as held by one process: its inbox (the items sent to it, put back in order by sequence
/// number) and its sending state (the next sequence number and where the peer end is). It is a ref registered
/// under <c>/temp</c>, so the peer sends straight to it, over remoting or in-process; <see cref="Tell"/> runs on the
/// sender's (or the remoting reader's) thread and never blocks beyond a short lock.
/// </summary>
/// <remarks>
/// When the end is used in another process, the owner hands it over: this endpoint gives its state to the owner
/// (which passes it to the new endpoint) and forwards whatever still reaches it, until the peer says it sends
/// elsewhere (<see cref="PipeRetire"/>). Locks: <c>_sendLock</c> may be held while taking any endpoint's
/// <c>_lock</c>; nothing is sent while a <c>_lock</c> is held.
/// </remarks>
internal sealed class PipeEndpoint : DirectRef
{
    private const int ReadSliceMs = 100;
    private const int MaxAsyncPollMs = 20;
    private readonly object _lock = new();
    private readonly object _sendLock = new();
    private readonly System.Collections.Generic.Queue<PipeData> _ready = new();
    private readonly ProcessRuntime _runtime;
    private IActorRef _owner = ActorRefs.Nobody;
    private CancellationTokenRegistration _ownerWatch;
    private volatile State _state;
    private IActorRef? _forwardTo;
    private SortedDictionary<long, PipeData>? _reorder;
    private long _expect;
    private int _complete;
    private bool _eof;
    private bool _peerGone;
    private bool _ownerGone;
    private long _sendSeq;
    private IActorRef? _target;
    private volatile bool _peerClosed;
    private int _syncWaiters;
    private TaskCompletionSource? _asyncChanged;

    // Direct links (see PipeLink): the outbound one under _sendLock, the inbound ones under _lock.
    private readonly List<PipeLink> _linksIn = [];
    private Socket? _linkOut;
    private bool _linkRequested;
    private bool _reading;
    private bool _draining;
    private bool _retireWhenDrained;
    private int _linkBalance;

    private PipeEndpoint(ProcessRuntime runtime, Guid pipe, int end, bool readable, bool writable)
        : base(runtime.System, "pipe")
    {
        _runtime = runtime;
        Pipe = pipe;
        End = end;
        Readable = readable;
        Writable = writable;
        _state = State.Awaiting;
    }

    /// <summary>The lifecycle of an endpoint.</summary>
    internal enum State
    {
        /// <summary>Created for an attach; items are kept until the state of the end arrives.</summary>
        Awaiting,

        /// <summary>This endpoint is where the end is: it receives and sends.</summary>
        Held,

        /// <summary>The end moved on; items that still arrive are forwarded.</summary>
        Moved,

        /// <summary>The end was closed here.</summary>
        Closed,

        /// <summary>Unregistered; nothing arrives any more.</summary>
        Retired,
    }

    /// <summary>What a receive found.</summary>
    internal enum Outcome
    {
        /// <summary>Nothing yet.</summary>
        None,

        /// <summary>An item (taken, or only looked at by a poll).</summary>
        Item,

        /// <summary>The peer end is closed (or its process ended) and everything it sent was received.</summary>
        Eof,

        /// <summary>The end moved to another endpoint; attach again.</summary>
        Moved,

        /// <summary>The timeout passed.</summary>
        TimedOut,
    }

    /// <inheritdoc />
    public override bool IsTerminated => _state == State.Retired;

    /// <summary>Which pipe.</summary>
    public Guid Pipe { get; }

    /// <summary>0 or 1: which end of the pipe.</summary>
    public int End { get; }

    /// <summary>Whether this end receives.</summary>
    public bool Readable { get; }

    /// <summary>Whether this end sends.</summary>
    public bool Writable { get; }

    /// <summary>True while this endpoint is where the end is.</summary>
    public bool HasCustody => _state == State.Held;

    /// <summary>True once the end was closed here.</summary>
    public bool IsClosed => _state == State.Closed;

    /// <summary>A new endpoint waiting for the state of its end, registered so that items can reach it.</summary>
    public static PipeEndpoint Create(ProcessRuntime runtime, Guid pipe, int end, bool readable, bool writable)
    {
        var endpoint = new PipeEndpoint(runtime, pipe, end, readable, writable);
        endpoint.Register();
        return endpoint;
    }

    /// <summary>Binds the endpoint to the pipe's owner: when the owner is gone, waits end with <see cref="OwnerProcessGoneException"/>.</summary>
    public void BindOwner(IActorRef owner)
    {
        _owner = owner;
        _ownerWatch = _runtime.Owners.GoneToken(owner).UnsafeRegister(static s => ((PipeEndpoint)s!).OnOwnerGone(), this);
    }

    /// <summary>For the two endpoints a new pipe starts with: this endpoint holds its end, and its peer is <paramref name="peer"/>.</summary>
    public void StartHeld(PipeEndpoint peer)
    {
        lock (_sendLock)
        {
            lock (_lock)
            {
                _target = peer;
                _state = State.Held;
            }
        }
    }

    /// <summary>Drops an endpoint whose attach failed.</summary>
    public void Discard() => Retire();

    /// <inheritdoc />
    public override void Tell(object message, IActorRef? sender)
    {
        switch (message)
        {
            case PipeData data:
                OnData(data);
                break;
            case PipeHandOver handOver:
                OnHandOver(handOver);
                break;
            case PipeCustodyGrant grant:
                OnGrant(grant);
                break;
            case PipePeerMoved moved:
                OnPeerMoved(moved.NewPeer);
                break;
            case PipePeerClosed:
                // No lock: a send blocked on a full link holds _sendLock, and this runs on the remoting's reader thread.
                _peerClosed = true;
                break;
            case PipeRetire:
                Retire();
                break;
            case PipeLinkRequest request:
                OnLinkRequest(request.Sender);
                break;
            case PipeLinked:
                lock (_lock)
                {
                    // A link was connected: it is attached soon (its items count before an end of stream or a retire).
                    _linkBalance++;
                    if (_retireWhenDrained)
                    {
                        StartDrain();
                    }

                    Changed();
                }

                break;
            case PipeLinkOffer offer:
                // Its own thread: connecting may wait for _sendLock, which a send blocked on a full socket holds.
                StartThread(() => Link(offer), "actorproc-pipe-link");
                break;
        }
    }

    /// <summary>
    /// Sends one message to the peer end, in chunks of at most <see cref="PipeSerializer.ChunkSize"/> bytes; false when
    /// this endpoint no longer holds the end (attach again).
    /// </summary>
    /// <exception cref="OwnerProcessGoneException">The pipe's owner is gone.</exception>
    /// <exception cref="IOException">The peer end is closed.</exception>
    public bool TrySend(PipeItemKind kind, byte[] payload)
    {
        lock (_sendLock)
        {
            var state = _state;
            if (state != State.Held)
            {
                return state == State.Closed ? throw Disposed() : false;
            }

            if (Volatile.Read(ref _ownerGone))
            {
                throw OwnerCall.Gone(_owner, "pipe");
            }

            if (_peerClosed)
            {
                throw new IOException("Broken pipe: the other end of the pipe is closed (or the process holding it has ended).");
            }

            if (_linkOut is { } link)
            {
                SendOnLink(link, kind, payload);
                return true;
            }

            if (!_linkRequested && _target is not PipeEndpoint)
            {
                // The peer is in another process: ask it for a direct link; until it is there, items go over the remoting.
                _linkRequested = true;
                _target!.Tell(new PipeLinkRequest(this), this);
            }

            if (payload.Length <= PipeSerializer.ChunkSize)
            {
                _target!.Tell(new PipeData(_sendSeq++, kind, false, payload), ActorRefs.NoSender);
                return true;
            }

            for (int offset = 0; offset < payload.Length; offset += PipeSerializer.ChunkSize)
            {
                int length = Math.Min(PipeSerializer.ChunkSize, payload.Length - offset);
                _target!.Tell(new PipeData(_sendSeq++, kind, offset + length < payload.Length, payload.AsSpan(offset, length).ToArray()), ActorRefs.NoSender);
            }

            return true;
        }
    }

    /// <summary>
    /// Waits for the next message: takes it (or, with <paramref name="take"/> false, only reports it). <paramref name="check"/>
    /// sees the message's kind and length before it is taken and may throw to leave it in the pipe.
    /// </summary>
    /// <exception cref="OwnerProcessGoneException">The pipe's owner is gone and nothing is left to receive.</exception>
    public Outcome Receive(bool take, Action<PipeItemKind, int>? check, TimeSpan? timeout, out PipeData? item)
    {
        long deadline = timeout is { } t ? Environment.TickCount64 + (long)Math.Ceiling(t.TotalMilliseconds) : long.MaxValue;
        Monitor.Enter(_lock);
        try
        {
            while (true)
            {
                var outcome = TryReceive(take, check, out item);
                if (outcome != Outcome.None)
                {
                    return outcome;
                }

                long left = deadline - Environment.TickCount64;
                var link = CurrentLink();
                if (link is not null && !_reading)
                {
                    // The next item comes on a direct link: read it on this thread (in slices, to notice moves and closes).
                    ReadLink(link, (int)Math.Clamp(left, 0, ReadSliceMs) * 1000);
                    if (left <= 0 && CurrentLink() == link && TryReceive(take: false, null, out _) == Outcome.None)
                    {
                        return Outcome.TimedOut;
                    }

                    continue;
                }

                if (left <= 0)
                {
                    return Outcome.TimedOut;
                }

                _syncWaiters++;
                try
                {
                    int wait = link is not null ? ReadSliceMs : deadline == long.MaxValue ? Timeout.Infinite : (int)Math.Min(left, int.MaxValue);
                    Monitor.Wait(_lock, wait);
                }
                finally
                {
                    _syncWaiters--;
                }
            }
        }
        finally
        {
            Monitor.Exit(_lock);
        }
    }

    /// <summary>The asynchronous form of <see cref="Receive"/> (no timeout; <paramref name="cancellationToken"/> ends the wait).</summary>
    public async ValueTask<(Outcome Outcome, PipeData? Item)> ReceiveAsync(bool take, Action<PipeItemKind, int>? check, CancellationToken cancellationToken)
    {
        int pollDelay = 1;
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var outcome = TryReceive(take, check, out var item);
                if (outcome != Outcome.None)
                {
                    return (outcome, item);
                }

                if (CurrentLink() is { } link && !_reading)
                {
                    ReadLink(link, 0);
                    if (TryReceive(take: false, null, out _) != Outcome.None || CurrentLink() != link)
                    {
                        continue;
                    }

                    // Nothing on the link yet: poll it again shortly (no thread waits meanwhile), less often the longer it stays quiet.
                    changed = Task.Delay(pollDelay, cancellationToken);
                    pollDelay = Math.Min(pollDelay * 2, MaxAsyncPollMs);
                }
                else
                {
                    changed = (_asyncChanged ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                }
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Closes the end (it is held here): a writable end sends its end-of-stream mark, the owner is told, and
    /// waits on this endpoint end. False when the end is not held here (nothing is closed beyond the handle).
    /// </summary>
    public bool CloseEnd()
    {
        lock (_sendLock)
        {
            lock (_lock)
            {
                if (_state != State.Held)
                {
                    return false;
                }

                _state = State.Closed;
                _ready.Clear();
                _complete = 0;
                _reorder = null;
                DropLinks();
                Changed();
            }

            if (Writable && !_peerClosed && !_ownerGone)
            {
                if (_linkOut is { } link)
                {
                    try
                    {
                        PipeLink.Write(link, PipeItemKind.Eof, false, []);
                    }
                    catch (Exception e) when (e is SocketException or ObjectDisposedException)
                    {
                        // The receiver is gone.
                    }
                }
                else
                {
                    _target!.Tell(new PipeData(_sendSeq++, PipeItemKind.Eof, false, []), ActorRefs.NoSender);
                }
            }

            CloseLinkOut();
        }

        OwnerCall.Tell(_owner, new PipeEndClosed(End, this));
        return true;
    }

    /// <summary>The process at <paramref name="process"/> ended: if the peer end is there, it is closed (after what it sent).</summary>
    public void OnProcessGone(Address process)
    {
        // No _sendLock: a send blocked on a full link may hold it (a stale _target only makes this a no-op).
        if (Volatile.Read(ref _target) is not { } target || !target.Path.Address.Equals(process))
        {
            return;
        }

        _peerClosed = true;

        lock (_lock)
        {
            if (process.Equals(_owner.Path.Address))
            {
                // The peer end was still in the pipe's creating process: the pipe itself is gone.
                _ownerGone = true;
            }

            _peerGone = true;
            Changed();
        }
    }

    private static ObjectDisposedException Disposed() => new(nameof(Connection), "This end of the pipe is closed.");

    private Outcome TryReceive(bool take, Action<PipeItemKind, int>? check, out PipeData? item)
    {
        item = null;
        switch (_state)
        {
            case State.Held:
                break;
            case State.Closed:
                throw Disposed();
            default:
                return Outcome.Moved;
        }

        if (_complete > 0)
        {
            var next = _ready.Peek();
            if (next.Kind == PipeItemKind.Eof)
            {
                _ready.Dequeue();
                _complete--;
                _eof = true;
                return Outcome.Eof;
            }

            int length = next.More ? WholeLength() : next.Payload.Length;
            check?.Invoke(next.Kind, length);
            if (take)
            {
                item = next.More ? Assemble(length) : _ready.Dequeue();
                _complete--;
            }

            return Outcome.Item;
        }

        if (_eof)
        {
            return Outcome.Eof;
        }

        if (_ownerGone)
        {
            throw OwnerCall.Gone(_owner, "pipe");
        }

        if (_peerGone && CurrentLink() is null && _linkBalance <= 0)
        {
            _eof = true;
            return Outcome.Eof;
        }

        return Outcome.None;
    }

    // The length of the chunked message at the head of _ready (complete: its last chunk is there).
    private int WholeLength()
    {
        long length = 0;
        foreach (var chunk in _ready)
        {
            length += chunk.Payload.Length;
            if (!chunk.More)
            {
                break;
            }
        }

        return length <= Array.MaxLength ? (int)length : throw new InvalidDataException($"A message of {length} bytes is too large for one array.");
    }

    private PipeData Assemble(int length)
    {
        var whole = new byte[length];
        int offset = 0;
        PipeData chunk;
        do
        {
            chunk = _ready.Dequeue();
            chunk.Payload.CopyTo(whole, offset);
            offset += chunk.Payload.Length;
        }
        while (chunk.More);

        return new PipeData(chunk.Seq, chunk.Kind, false, whole);
    }

    private void OnData(PipeData data)
    {
        IActorRef? forward = null;
        lock (_lock)
        {
            switch (_state)
            {
                case State.Moved:
                    forward = _forwardTo;
                    break;
                case State.Awaiting:
                    (_reorder ??= [])[data.Seq] = data;
                    return;
                case State.Held:
                    Insert(data);
                    Changed();
                    return;
                default:
                    return;
            }
        }

        forward!.Tell(data, ActorRefs.NoSender);
        if (data.Kind == PipeItemKind.Eof)
        {
            // The sender is closed: nothing more will come here.
            Retire();
        }
    }

    private void Insert(PipeData data)
    {
        if (data.Seq == _expect)
        {
            Append(data);
            while (_reorder is { Count: > 0 } reorder && reorder.Remove(_expect, out var next))
            {
                Append(next);
            }
        }
        else if (data.Seq > _expect)
        {
            (_reorder ??= [])[data.Seq] = data;
        }
    }

    private void Append(PipeData data)
    {
        _ready.Enqueue(data);
        _expect++;
        if (!data.More)
        {
            _complete++;
        }
    }

    private void OnHandOver(PipeHandOver handOver)
    {
        PipeCustody custody;
        List<PipeData>? items = null;
        bool retireNow = false;
        lock (_sendLock)
        {
            lock (_lock)
            {
                if (_state == State.Held)
                {
                    items = new List<PipeData>(_ready.Count + (_reorder?.Count ?? 0));
                    items.AddRange(_ready);
                    if (_reorder is not null)
                    {
                        items.AddRange(_reorder.Values);
                    }

                    custody = new PipeCustody(false, _sendSeq, _expect - _ready.Count, _eof);
                    _ready.Clear();
                    _complete = 0;
                    _reorder = null;
                    _forwardTo = handOver.NewEndpoint;
                    _state = State.Moved;
                    StartDrain();
                    Changed();

                    // Only a readable end gets items from its peer; a send-only end has nothing to forward.
                    retireNow = !Readable;
                }
                else
                {
                    custody = new PipeCustody(true, 0, 0, true);
                }
            }

            // The new holder sends from _sendSeq on: tell the receiver this link carries nothing more.
            CloseLinkOut();
        }

        if (items is not null)
        {
            // Not received here yet: to the new endpoint, which keeps them until it has the end's state.
            foreach (var item in items)
            {
                handOver.NewEndpoint.Tell(item, ActorRefs.NoSender);
            }
        }

        handOver.ReplyTo.Tell(custody, this);
        if (retireNow)
        {
            Retire();
        }
    }

    private void OnGrant(PipeCustodyGrant grant)
    {
        var custody = grant.Custody;
        lock (_sendLock)
        {
            lock (_lock)
            {
                _sendSeq = custody.SendSeq;
                _target = grant.Peer;
                _peerClosed = grant.PeerClosed;
                _expect = custody.RecvSeq;
                _eof = custody.EofSeen;
                _state = State.Held;
                var early = _reorder;
                _reorder = null;
                if (early is not null)
                {
                    foreach (var item in early.Values)
                    {
                        Insert(item);
                    }
                }

                Changed();
            }
        }

        PipeRegistry.WatchPeer(_runtime, this, grant.Peer.Path.Address);
    }

    private void OnPeerMoved(IActorRef newPeer)
    {
        lock (_sendLock)
        {
            if (_state != State.Held || _target is null)
            {
                return;
            }

            var old = _target;
            _target = newPeer;
            CloseLinkOut();

            // Everything this end sent to the old endpoint is ahead of this in the same stream.
            old.Tell(new PipeRetire(), ActorRefs.NoSender);
        }

        PipeRegistry.WatchPeer(_runtime, this, newPeer.Path.Address);
    }

    private void OnOwnerGone()
    {
        lock (_lock)
        {
            _ownerGone = true;
            Changed();
        }
    }

    private void Retire()
    {
        lock (_lock)
        {
            if (_state == State.Retired)
            {
                return;
            }

            if (_state == State.Moved && (_linksIn.Count > 0 || _linkBalance > 0))
            {
                // Items still on a direct link must be forwarded first; the drain retires when done.
                _retireWhenDrained = true;
                StartDrain();
                return;
            }

            DropLinks();

            _state = State.Retired;
            _ready.Clear();
            _complete = 0;
            _reorder = null;
            Changed();
        }

        lock (_sendLock)
        {
            CloseLinkOut();
        }

        Unregister();
        _ownerWatch.Dispose();
        PipeRegistry.Forget(_runtime, this);
    }

    /// <summary>A direct link to this endpoint was accepted (listener thread).</summary>
    public void AttachInbound(PipeLink link)
    {
        lock (_lock)
        {
            _linkBalance--;
            switch (_state)
            {
                case State.Awaiting or State.Held:
                    _linksIn.Add(link);
                    Changed();
                    return;
                case State.Moved:
                    _linksIn.Add(link);
                    StartDrain();
                    return;
            }
        }

        link.Dispose();
    }

    // Under _lock: the inbound link carrying the next item, if any.
    private PipeLink? CurrentLink()
    {
        if (_state != State.Held)
        {
            return null;
        }

        foreach (var link in _linksIn)
        {
            if (link.NextSeq == _expect)
            {
                return link;
            }
        }

        return null;
    }

    // Under _lock (released while reading): reads at most one item from the link and files it.
    private void ReadLink(PipeLink link, int waitMicroseconds)
    {
        _reading = true;
        PipeLink.Read read;
        PipeData? item;
        Monitor.Exit(_lock);
        try
        {
            read = link.TryRead(waitMicroseconds, out item);
        }
        finally
        {
            Monitor.Enter(_lock);
            _reading = false;
        }

        FileRead(link, read, item);
    }

    // Under _lock: files what a link read gave.
    private void FileRead(PipeLink link, PipeLink.Read read, PipeData? item)
    {
        switch (read)
        {
            case PipeLink.Read.NotReady:
                return;
            case PipeLink.Read.Item:
                if (_state == State.Held)
                {
                    Insert(item!);
                }
                else if (_state == State.Moved)
                {
                    _forwardTo!.Tell(item!, ActorRefs.NoSender);
                }

                break;
            case PipeLink.Read.Detached:
                _linksIn.Remove(link);
                link.Dispose();
                break;
            default:
                // Ended without a detach: the sender's process died (everything it wrote was read).
                _linksIn.Remove(link);
                link.Dispose();
                if (_state == State.Held)
                {
                    _peerGone = true;
                }

                break;
        }

        Changed();
    }

    // Under _lock: a moved endpoint forwards what is still on its inbound links, on a pool thread.
    private void StartDrain()
    {
        if (_linksIn.Count == 0 || _draining)
        {
            return;
        }

        _draining = true;
        // Its own thread: it blocks reading until the sender detaches.
        StartThread(Drain, "actorproc-pipe-drain");
    }

    private void Drain()
    {
        bool retire;
        Monitor.Enter(_lock);
        try
        {
            while (_linksIn.Count > 0 && _state == State.Moved)
            {
                if (_reading)
                {
                    Monitor.Wait(_lock, ReadSliceMs);
                    continue;
                }

                var link = _linksIn[0];
                _reading = true;
                PipeLink.Read read;
                PipeData? item;
                Monitor.Exit(_lock);
                try
                {
                    read = link.TryRead(ReadSliceMs * 1000, out item);
                }
                finally
                {
                    Monitor.Enter(_lock);
                    _reading = false;
                }

                FileRead(link, read, item);
            }

            _draining = false;
            retire = _retireWhenDrained && _linksIn.Count == 0 && _linkBalance <= 0;
        }
        finally
        {
            Monitor.Exit(_lock);
        }

        if (retire)
        {
            Retire();
        }
    }

    // Under _lock.
    private void DropLinks()
    {
        foreach (var link in _linksIn)
        {
            link.Dispose();
        }

        _linksIn.Clear();
    }

    // A sender asks for a direct link to this endpoint.
    private void OnLinkRequest(IActorRef sender)
    {
        var state = _state;
        if (state is State.Held or State.Awaiting && !OperatingSystem.IsWindows())
        {
            try
            {
                var listener = PipeLinkListener.Get(_runtime);
                sender.Tell(new PipeLinkOffer(listener.SocketPath, listener.Offer(this), this), this);
            }
            catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException)
            {
                // No direct link: items keep coming over the remoting.
            }
        }
    }

    // Pool thread: connects the direct link the receiver offered, if it is still where this end sends.
    private void Link(PipeLinkOffer offer)
    {
        Socket? socket = null;
        try
        {
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(offer.SocketPath));
            lock (_sendLock)
            {
                PipeLink.Greet(socket, offer.Token, _sendSeq);

                // Over the remoting, ahead of anything this end sends there later (a retire) and of the news of its death.
                offer.Receiver.Tell(new PipeLinked(), this);
                if (_state == State.Held && _linkOut is null && _target is not null && _target.Equals(offer.Receiver) && !_peerClosed)
                {
                    _linkOut = socket;
                    socket = null;
                }
                else
                {
                    // Not wanted any more; still greet and detach, so the receiver knows the offer was used.
                    PipeLink.Detach(socket);
                    socket = null;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // No direct link: items keep going over the remoting.
        }
        finally
        {
            socket?.Dispose();
        }
    }

    // Under _sendLock.
    private void SendOnLink(Socket link, PipeItemKind kind, byte[] payload)
    {
        try
        {
            if (payload.Length <= PipeSerializer.ChunkSize)
            {
                PipeLink.Write(link, kind, false, payload);
                _sendSeq++;
                return;
            }

            for (int offset = 0; offset < payload.Length; offset += PipeSerializer.ChunkSize)
            {
                int length = Math.Min(PipeSerializer.ChunkSize, payload.Length - offset);
                PipeLink.Write(link, kind, offset + length < payload.Length, payload.AsSpan(offset, length));
                _sendSeq++;
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            _linkOut = null;
            link.Dispose();
            _peerClosed = true;
            throw new IOException("Broken pipe: the other end of the pipe is closed (or the process holding it has ended).", e);
        }
    }

    // Under _sendLock: ends the outbound link (the receiver reads a detach after everything sent on it).
    private void CloseLinkOut()
    {
        _linkRequested = false;
        if (_linkOut is { } link)
        {
            _linkOut = null;
            PipeLink.Detach(link);
        }
    }

    private static void StartThread(Action work, string name) => new Thread(() => work()) { IsBackground = true, Name = name }.Start();

    // Under _lock: wakes every waiter to look again.
    private void Changed()
    {
        if (_syncWaiters > 0)
        {
            Monitor.PulseAll(_lock);
        }

        if (_asyncChanged is { } changed)
        {
            _asyncChanged = null;
            changed.TrySetResult();
        }
    }
}
