using System.Buffers;
using ActorProc.Actors;
using ActorProc.Actors.Dispatch;
using ActorProc.Remote.Transport;
using ActorProc.Serialization;

namespace ActorProc.Remote;

/// <summary>
/// The link between this system and one other system (one per pair of addresses, either side may open it).
/// Messages queue while it connects and then flow over one authenticated transport connection, in order.
/// When the connection is lost or the failure detector fires, the peer is treated as dead: it is never
/// reconnected, its address is quarantined, and every local watcher of one of its actors gets
/// <see cref="Terminated"/> with <see cref="Terminated.AddressTerminated"/> set.
/// </summary>
internal sealed class Association
{
    private readonly RemoteExtension _remote;
    private readonly object _lock = new();

    // Completed when a connection attempt ends (active or dead): a stop first lets queued messages go out.
    private readonly TaskCompletionSource _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Remote watches made from this system: watchee -> local watchers (for AddressTerminated and notifications).
    private readonly Dictionary<RemoteActorRef, HashSet<InternalActorRef>> _watches = [];
    private List<object>? _pending = [];
    private volatile bool _peerLeaving;
    private TransportConnection<object>? _connection;
    private volatile State _state;
    private bool _outboundInFlight;
    private long _waitInboundUntil;
    private long _lastReceived;

    public Association(RemoteExtension remote, Address remoteAddress)
    {
        _remote = remote;
        RemoteAddress = remoteAddress;
    }

    private enum State
    {
        Idle,
        Connecting,
        Active,
        Dead,
    }

    public Address RemoteAddress { get; }

    public bool IsDead => _state == State.Dead;

    /// <summary>True once the peer said goodbye: it shuts down on purpose, so the end of the connection is no failure.</summary>
    public bool PeerLeaving => _peerLeaving;

    /// <summary>Tells the peer this side shuts down on purpose (when connected; nothing otherwise).</summary>
    public void SayGoodbye()
    {
        TransportConnection<object>? connection;
        lock (_lock)
        {
            connection = _state == State.Active ? _connection : null;
        }

        connection?.TrySend(ControlFrame.Goodbye);
    }

    /// <summary>Completes when the first connection attempt has ended, the association being active or dead.</summary>
    public Task Settled => _settled.Task;

    /// <summary>The peer's uid from its handshake identity (0 until connected).</summary>
    public long PeerUid { get; private set; }

    // ---- sending -------------------------------------------------------------------------------------

    public void SendUser(RemoteActorRef recipient, object message, IActorRef? sender)
    {
        var envelope = new UserEnvelope(recipient.WirePath, recipient.IsSelection, sender, message);
        if (!Enqueue(envelope))
        {
            _remote.ToDeadLetters(message, sender, recipient);
        }
    }

    public void SendSystem(RemoteActorRef target, SystemMessage message)
    {
        switch (message)
        {
            case Watch watch when watch.Watchee.Equals(target):
                bool dead;
                lock (_lock)
                {
                    dead = CheckDead();
                    if (!dead)
                    {
                        if (!_watches.TryGetValue(target, out var watchers))
                        {
                            _watches[target] = watchers = [];
                        }

                        watchers.Add(watch.Watcher);
                    }
                }

                if (dead)
                {
                    watch.Watcher.SendSystemMessage(new DeathWatchNotification(target, existenceConfirmed: false, addressTerminated: true));
                    return;
                }

                Enqueue(new SystemEnvelope(SystemKind.Watch, target.WirePath, _remote.WirePath(watch.Watcher), false));
                break;
            case Unwatch unwatch when unwatch.Watchee.Equals(target):
                lock (_lock)
                {
                    if (_watches.TryGetValue(target, out var watchers) && watchers.Remove(unwatch.Watcher) && watchers.Count == 0)
                    {
                        _watches.Remove(target);
                    }
                }

                Enqueue(new SystemEnvelope(SystemKind.Unwatch, target.WirePath, _remote.WirePath(unwatch.Watcher), false));
                break;
            case Terminate:
                Enqueue(new SystemEnvelope(SystemKind.Terminate, target.WirePath, null, false));
                break;
            case DeathWatchNotification notification:
                Enqueue(new SystemEnvelope(
                    SystemKind.DeathWatchNotification, target.WirePath, _remote.WirePath(notification.Actor), notification.ExistenceConfirmed));
                break;
            default:
                // Supervision messages have no meaning across systems (no remote deployment).
                break;
        }
    }

    /// <summary>Queues an item; false when the association is dead (the caller dead-letters it).</summary>
    private bool Enqueue(object item)
    {
        var connection = Volatile.Read(ref _connection);
        if (connection is not null)
        {
            return connection.TrySend(item);
        }

        var connect = false;
        lock (_lock)
        {
            if (CheckDead())
            {
                return false;
            }

            if (_connection is not null)
            {
                return _connection.TrySend(item);
            }

            _pending!.Add(item);
            if (_state == State.Idle)
            {
                _state = State.Connecting;
                _outboundInFlight = true;
                connect = true;
            }
        }

        if (connect)
        {
            _ = ConnectAsync();
        }

        return true;
    }

    /// <summary>Under the lock: true when dead; an idle association of a quarantined address becomes dead here.</summary>
    private bool CheckDead()
    {
        if (_state == State.Idle && (_remote.IsQuarantined(RemoteAddress) || _remote.IsStopping))
        {
            _state = State.Dead;
        }

        return _state == State.Dead;
    }

    // ---- connecting ----------------------------------------------------------------------------------

    /// <summary>
    /// Takes a link this system opened to the peer (already authenticated, e.g. by <see cref="RemoteExtension.ConnectAsync"/>)
    /// as the association's outbound connection; false (the caller disposes the link) unless the association was idle.
    /// </summary>
    public bool TryUseOutbound(AuthenticatedLink link, RemoteIdentity identity)
    {
        lock (_lock)
        {
            if (CheckDead() || _state != State.Idle)
            {
                return false;
            }

            _state = State.Connecting;
            _outboundInFlight = true;
        }

        _ = CompleteOutboundAsync(link, identity);
        return true;
    }

    private async Task ConnectAsync()
    {
        AuthenticatedLink link;
        try
        {
            var (endPoint, options) = _remote.DialTarget(RemoteAddress);
            link = await TransportClient.ConnectAsync(endPoint, _remote.Identity, options, _remote.Stopping).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Fail($"connecting failed: {e.Message}");
            return;
        }

        if (!RemoteIdentity.TryDecode(link.PeerIdentity, out var identity) || identity.Address.System != RemoteAddress.System)
        {
            link.Dispose();
            Fail("the peer's identity does not match its address");
            return;
        }

        await CompleteOutboundAsync(link, identity).ConfigureAwait(false);
    }

    /// <summary>Starts an authenticated outbound link and waits for the peer's welcome (or refusal).</summary>
    private async Task CompleteOutboundAsync(AuthenticatedLink link, RemoteIdentity identity)
    {
        TransportConnection<object>? connection = null;
        try
        {
            var handler = new ConnectionHandler(this);
            connection = link.Start<object>(_remote.WriteFrame, handler);
            var first = await Task.WhenAny(handler.Welcomed, connection.Completion)
                .WaitAsync(_remote.Settings.HandshakeTimeout, _remote.Stopping).ConfigureAwait(false);
            if (first == handler.Welcomed)
            {
                ActivateOutbound(connection, identity.Uid);
                return;
            }

            OutboundRefused(connection.Completion.Result);
        }
        catch (TimeoutException)
        {
            connection?.Close();
            Fail("the peer did not accept the association in time");
        }
        catch (Exception e)
        {
            connection?.Close();
            Fail($"connecting failed: {e.Message}");
        }
    }

    private void OutboundRefused(DisconnectInfo info)
    {
        lock (_lock)
        {
            _outboundInFlight = false;
            if (_state != State.Connecting)
            {
                return;
            }

            if (string.CompareOrdinal(_remote.Address.ToString(), RemoteAddress.ToString()) > 0)
            {
                // Both sides may have opened at once: the peer (lower address) keeps its own connection,
                // which reaches us as an inbound link. Wait for it (bounded; the failure check enforces it).
                _waitInboundUntil = Environment.TickCount64 + (long)_remote.Settings.HandshakeTimeout.TotalMilliseconds;
                return;
            }
        }

        Fail($"the peer refused the association ({info.Reason}: {info.Detail})");
    }

    /// <summary>An authenticated inbound link from this peer (not quarantined): keep it, or refuse a duplicate.</summary>
    public void OnInbound(AuthenticatedLink link, RemoteIdentity identity)
    {
        string? refusal = null;
        TransportConnection<object>? connection = null;
        lock (_lock)
        {
            if (CheckDead())
            {
                refusal = "the association is dead";
            }
            else if (_connection is not null)
            {
                refusal = "an association already exists";
            }
            else if (_outboundInFlight && string.CompareOrdinal(_remote.Address.ToString(), RemoteAddress.ToString()) < 0)
            {
                refusal = "simultaneous open, the connection opened by the lower address is kept";
            }
            else
            {
                // Decided and activated under one lock, so an outbound attempt cannot start in between.
                connection = link.Start<object>(_remote.WriteFrame, new ConnectionHandler(this));
                connection.TrySend(ControlFrame.Welcome);
                ActivateLocked(connection, identity.Uid);
            }
        }

        if (connection is null)
        {
            _remote.Log.Debug("Refused inbound connection from {Address}: {Reason}", RemoteAddress, refusal);
            link.Dispose();
            return;
        }

        Established(connection, identity.Uid);
    }

    private void ActivateOutbound(TransportConnection<object> connection, long peerUid)
    {
        lock (_lock)
        {
            _outboundInFlight = false;
            if (_state == State.Dead || _connection is not null)
            {
                connection.Close();
                return;
            }

            ActivateLocked(connection, peerUid);
        }

        Established(connection, peerUid);
    }

    private void ActivateLocked(TransportConnection<object> connection, long peerUid)
    {
        foreach (var item in _pending!)
        {
            connection.TrySend(item);
        }

        _pending = null;
        PeerUid = peerUid;
        _waitInboundUntil = 0;
        Volatile.Write(ref _lastReceived, Environment.TickCount64);
        _state = State.Active;
        Volatile.Write(ref _connection, connection);
        _settled.TrySetResult();
    }

    private void Established(TransportConnection<object> connection, long peerUid)
    {
        _remote.Log.Debug("Association with {Address} (uid {Uid}) established", RemoteAddress, peerUid);
        _ = ObserveAsync(connection);
    }

    private async Task ObserveAsync(TransportConnection<object> connection)
    {
        var info = await connection.Completion.ConfigureAwait(false);
        Fail($"connection closed ({info.Reason}: {info.Detail})");
    }

    // ---- failure -------------------------------------------------------------------------------------

    /// <summary>Called by the heartbeat timer: sends a heartbeat, or fails a silent association.</summary>
    public void Tick()
    {
        string? failure = null;
        TransportConnection<object>? connection = null;
        var now = Environment.TickCount64;
        lock (_lock)
        {
            if (_state == State.Active)
            {
                var silent = now - Volatile.Read(ref _lastReceived);
                if (silent > (long)_remote.Settings.AcceptableHeartbeatPause.TotalMilliseconds)
                {
                    failure = $"no frame or heartbeat for {silent} ms (acceptable-heartbeat-pause = {_remote.Settings.AcceptableHeartbeatPause})";
                }
                else
                {
                    connection = _connection;
                }
            }
            else if (_state == State.Connecting && _waitInboundUntil != 0 && now > _waitInboundUntil)
            {
                failure = "the peer refused the association and did not connect back";
            }
        }

        if (failure is not null)
        {
            Fail(failure);
        }
        else
        {
            connection?.TrySend(ControlFrame.Heartbeat);
        }
    }

    /// <summary>Marks the peer dead: quarantines it, dead-letters queued messages and notifies every local watcher once.</summary>
    public void Fail(string reason)
    {
        TransportConnection<object>? connection;
        List<object>? pending;
        KeyValuePair<RemoteActorRef, HashSet<InternalActorRef>>[] watches;
        lock (_lock)
        {
            if (_state == State.Dead)
            {
                return;
            }

            _state = State.Dead;
            _settled.TrySetResult();
            connection = _connection;
            Volatile.Write(ref _connection, null);
            pending = _pending;
            _pending = null;
            watches = [.. _watches];
            _watches.Clear();
        }

        _remote.OnAssociationFailed(this, reason);
        connection?.Close();
        foreach (var item in pending ?? [])
        {
            if (item is UserEnvelope user)
            {
                _remote.ToDeadLetters(user.Message, user.Sender, _remote.ResolveWirePath(user.Recipient));
            }
        }

        foreach (var (watchee, watchers) in watches)
        {
            foreach (var watcher in watchers)
            {
                watcher.SendSystemMessage(new DeathWatchNotification(watchee, existenceConfirmed: false, addressTerminated: true));
            }
        }
    }

    /// <summary>Closes the connection when the system stops, after delivering what is queued (peers see the close and treat this system as dead).</summary>
    public Task StopAsync(CancellationToken cancellationToken) => StopAsync(waitForEnd: true, cancellationToken);

    /// <summary>
    /// True when nothing this side sent is still waiting to be written: not connecting with messages pending, and the
    /// connection (if any) has an empty send queue and no write in progress. Such an association needs no drain when
    /// the process exits: what was written is already in the peer's receive buffer, and the kernel closes the socket.
    /// </summary>
    public bool IsSendIdle
    {
        get
        {
            TransportConnection<object>? connection;
            lock (_lock)
            {
                if (_state == State.Connecting || _pending is { Count: > 0 })
                {
                    return false;
                }

                connection = _connection;
            }

            return connection is null || connection.IsSendIdle;
        }
    }

    /// <summary>As <see cref="StopAsync(CancellationToken)"/>; without <paramref name="waitForEnd"/> it returns once the queued bytes are written.</summary>
    public async Task StopAsync(bool waitForEnd, CancellationToken cancellationToken)
    {
        TransportConnection<object>? connection;
        bool connecting;
        lock (_lock)
        {
            connection = _connection;
            connecting = _state == State.Connecting;
        }

        if (connecting)
        {
            // Messages sent just before the stop wait in _pending for the connection: let them go out.
            try
            {
                await _settled.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            connection = Volatile.Read(ref _connection);
        }

        if (connection is not null)
        {
            try
            {
                await connection.CloseAfterDrainAsync(waitForEnd, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                connection.Close();
            }
        }

        Fail("the local actor system stopped");
    }

    // ---- receiving -----------------------------------------------------------------------------------

    private void OnFrame(ConnectionHandler handler, in ReadOnlySequence<byte> frame)
    {
        Volatile.Write(ref _lastReceived, Environment.TickCount64);
        var kind = (FrameKind)frame.FirstSpan[0];
        var body = frame.Slice(1);
        switch (kind)
        {
            case FrameKind.Skip:
            case FrameKind.Heartbeat:
                return;
            case FrameKind.Welcome:
                handler.OnWelcome();
                return;
            case FrameKind.Goodbye:
                _peerLeaving = true;
                return;
            case FrameKind.User:
                ReceiveUser(body);
                return;
            case FrameKind.System:
                ReceiveSystem(body);
                return;
            default:
                throw new InvalidDataException($"Unknown remoting frame kind {(byte)kind} from {RemoteAddress}.");
        }
    }

    private void ReceiveUser(in ReadOnlySequence<byte> body)
    {
        UserEnvelope envelope;
        try
        {
            envelope = _remote.Serializer.Deserialize<UserEnvelope>(body, _remote.System);
        }
        catch (UnsafeTypeException e)
        {
            // Frames are independent, so only this message is lost; the association stays up.
            _remote.Log.Warning("Dropped a message from {Address}: type {Type} is not allowed ({Reason})", RemoteAddress, e.TypeName ?? "?", e.Message);
            return;
        }
        catch (Exception e)
        {
            // E.g. a type this process does not have, or malformed bytes: again only this frame is lost.
            _remote.Log.Warning("Dropped a message from {Address} that could not be read: {Reason}", RemoteAddress, e.Message);
            return;
        }

        _remote.Deliver(envelope);
    }

    private void ReceiveSystem(in ReadOnlySequence<byte> body)
    {
        var envelope = _remote.Serializer.Deserialize<SystemEnvelope>(body, _remote.System);
        var target = _remote.ResolveWirePath(envelope.Target);
        if (!target.IsLocal)
        {
            return;
        }

        switch (envelope.Kind)
        {
            case SystemKind.Watch when envelope.Other is not null:
                target.SendSystemMessage(new Watch(target, _remote.ResolveWirePath(envelope.Other)));
                break;
            case SystemKind.Unwatch when envelope.Other is not null:
                target.SendSystemMessage(new Unwatch(target, _remote.ResolveWirePath(envelope.Other)));
                break;
            case SystemKind.Terminate:
                _remote.System.Stop(target);
                break;
            case SystemKind.DeathWatchNotification when envelope.Other is not null && ActorPath.TryParse(envelope.Other, out var deadPath):
                if (TakeWatch(deadPath, target) is { } watchee)
                {
                    target.SendSystemMessage(new DeathWatchNotification(watchee, envelope.ExistenceConfirmed, addressTerminated: false));
                }

                break;
        }
    }

    /// <summary>Removes the watch of <paramref name="watcher"/> on the actor at <paramref name="path"/>; returns the watched ref.</summary>
    private RemoteActorRef? TakeWatch(ActorPath path, InternalActorRef watcher)
    {
        lock (_lock)
        {
            foreach (var (watchee, watchers) in _watches)
            {
                if (watchee.Path.Equals(path) && (watchee.Path.Uid == ActorPath.UndefinedUid || watchee.Path.Uid == path.Uid) && watchers.Remove(watcher))
                {
                    if (watchers.Count == 0)
                    {
                        _watches.Remove(watchee);
                    }

                    return watchee;
                }
            }
        }

        return null;
    }

    /// <summary>The frame handler of one connection of this association.</summary>
    private sealed class ConnectionHandler(Association association) : IFrameHandler
    {
        private readonly TaskCompletionSource _welcomed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Welcomed => _welcomed.Task;

        public void OnWelcome() => _welcomed.TrySetResult();

        public void OnFrame(in ReadOnlySequence<byte> frame) => association.OnFrame(this, frame);
    }
}
