using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using ActorProc.Actors;
using ActorProc.Remote.Transport;
using ActorProc.Serialization;

namespace ActorProc.Remote;

/// <summary>
/// Actor remoting for one <see cref="ActorSystem"/>: listens on a Unix socket (default) or TCP, gives the
/// system a remote <see cref="Address"/>, and turns paths of other systems into remote refs that talk
/// over authenticated associations (one per pair of systems, opened on first use by either side).
/// </summary>
/// <remarks>
/// The transport is a reliable ordered stream, so messages (user and system) from one system to another
/// keep their order. An association is never reconnected: when its connection is lost, or the peer sends
/// no frame within <see cref="RemoteSettings.AcceptableHeartbeatPause"/>, the peer is treated as dead, its
/// watchers get <see cref="Terminated"/> with <see cref="Terminated.AddressTerminated"/> set, and its
/// address is quarantined for <see cref="RemoteSettings.QuarantineDuration"/> (messages to it become dead
/// letters, associations from or to it are refused).
/// </remarks>
public sealed class RemoteExtension
{
    private const string UnixProtocol = "actorproc.unix";
    private const string TcpProtocol = "actorproc.tcp";
    private const int MaxRetainedScratch = 1024 * 1024;
    private const int MaxResolvedCache = 4096;
    private const int MaxRemoteAddressCache = 256;
    private const string TempInfix = "/temp/";

    // Separates a ref's wire path from the sealed route that travels with refs to routed systems (never in a path).
    private const char RouteMark = '|';
    private static readonly object StartLock = new();

    private static readonly SearchValues<char> TempNameStop = SearchValues.Create("/#%*?|");

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _scratch;

    private readonly ConcurrentDictionary<Address, Association> _associations = new();
    private readonly ConcurrentDictionary<Address, long> _quarantined = new();
    private readonly ConditionalWeakTable<ActorPath, string> _wirePaths = [];
    private readonly ConcurrentDictionary<string, InternalActorRef> _resolved = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Address> _remoteAddresses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Address>.AlternateLookup<ReadOnlySpan<char>> _remoteAddressLookup;
    private readonly ConditionalWeakTable<ActorPath, string>.CreateValueCallback _toWirePath;
    private readonly ConcurrentDictionary<Address, PeerRoute> _routes = new();
    private readonly List<(TransportListener Listener, IDisposable? Directory, Task Loop)> _extraListeners = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly TransportListener _listener;
    private readonly IDisposable? _socketDirectory;
    private readonly Task _acceptLoop;
    private readonly ICancelable _heartbeat;
    private readonly string _tempWirePrefix;
    private volatile bool _hasRoutes;
    private int _stopped;

    private RemoteExtension(ActorSystem system, byte[] authKey, TypeAllowList? allowList)
    {
        System = system;
        Settings = RemoteSettings.FromSystem(system);
        Log = system.GetLogger("ActorProc.Remote", typeof(RemoteExtension));
        var options = new SerializerOptions { AllowList = allowList ?? AllowListConfig.FromConfig(system.Settings.Config) };
        options.Surrogates.Add(Surrogate.Create<IActorRef, string>(WirePath, static (path, state) => Get((ActorSystem)state!).ResolveWirePath(path)));
        Serializer = new Serializer(options);
        TransportOptions = new TransportOptions
        {
            AuthKey = authKey,
            MaxFrameSize = Settings.MaximumFrameSize,
            HandshakeTimeout = Settings.HandshakeTimeout,
            LoggerFactory = new SystemLogBridge(system),
        };
        Uid = NewUid();

        if (Settings.Transport == RemoteTransportKind.Unix)
        {
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("Unix socket remoting needs Unix file modes; set actorproc.remote.transport = tcp.");
            }

            (_listener, _socketDirectory, Address) = BindUnix(system.Name, Uid, TransportOptions);
        }
        else
        {
            var host = IPAddress.TryParse(Settings.Hostname, out var ip) ? ip : Dns.GetHostAddresses(Settings.Hostname)[0];
            var configured = new Address(TcpProtocol, system.Name, Settings.Hostname, Settings.Port);

            // With port 0 the real port is known only after binding: the listener's identity then carries port 0
            // (connecting peers check the system name and take the uid; they already know the address they dialed).
            _listener = TransportListener.Bind(new IPEndPoint(host, Settings.Port), new RemoteIdentity(configured, Uid).Encode(), TransportOptions);
            Address = new Address(TcpProtocol, system.Name, Settings.Hostname, ((IPEndPoint)_listener.LocalEndPoint).Port);
        }

        Identity = new RemoteIdentity(Address, Uid).Encode();
        var address = Address;
        _tempWirePrefix = Address + TempInfix;
        _remoteAddressLookup = _remoteAddresses.GetAlternateLookup<ReadOnlySpan<char>>();
        _toWirePath = path => path.WithAddress(address).ToSerializationFormat();
        system.Provider.AddLocalAddress(Address);
        system.Provider.RemoteResolver = Resolve;
        _acceptLoop = Task.Run(() => AcceptLoopAsync(_listener));
        _heartbeat = system.Scheduler.ScheduleRepeatedly(Settings.HeartbeatInterval, Settings.HeartbeatInterval, OnHeartbeatTick);
        system.AddShutdownTask(ShutdownPhase.AfterSystemStop, "remote-stop", StopAsync);
        Log.Info("Remoting started; listening on {Address}", Address);
    }

    /// <summary>The address other systems reach this one at, e.g. <c>actorproc.unix://sys@%2Frun%2F...%2Ftransport.sock</c>.</summary>
    public Address Address { get; }

    /// <summary>A random number telling this incarnation of the system from any other with the same address.</summary>
    public long Uid { get; }

    /// <summary>The settings in use.</summary>
    public RemoteSettings Settings { get; }

    internal ActorSystem System { get; }

    internal ILoggingAdapter Log { get; }

    internal Serializer Serializer { get; }

    internal TransportOptions TransportOptions { get; }

    internal byte[] Identity { get; }

    internal CancellationToken Stopping => _stopping.Token;

    internal bool IsStopping => Volatile.Read(ref _stopped) != 0;

    /// <summary>
    /// Starts remoting for <paramref name="system"/> (once; later calls return the same extension): binds the
    /// listener, registers the remote address and makes paths of other systems resolve to remote refs.
    /// </summary>
    /// <param name="system">The actor system.</param>
    /// <param name="authKey">The shared secret (at least 16 bytes) every system of the application uses; never sent.</param>
    /// <param name="allowList">Types incoming messages may instantiate; null to read <c>actorproc.serialization</c> (see <see cref="AllowListConfig"/>).</param>
    /// <exception cref="ArgumentException">The key is shorter than 16 bytes.</exception>
    /// <exception cref="InvalidOperationException">The system is terminating.</exception>
    public static RemoteExtension Start(ActorSystem system, byte[] authKey, TypeAllowList? allowList = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(authKey);
        if (authKey.Length < TransportOptions.MinAuthKeyLength)
        {
            throw new ArgumentException($"The auth key must hold at least {TransportOptions.MinAuthKeyLength} bytes.", nameof(authKey));
        }

        lock (StartLock)
        {
            if (system.GetExtension<RemoteExtension>() is { } existing)
            {
                return existing;
            }

            if (system.IsTerminating)
            {
                throw new InvalidOperationException($"Actor system {system.Name} is terminating; remoting cannot start.");
            }

            var key = (byte[])authKey.Clone();
            return system.GetOrAddExtension(s => new RemoteExtension(s, key, allowList));
        }
    }

    /// <summary>The remoting of <paramref name="system"/>.</summary>
    /// <exception cref="InvalidOperationException">Remoting was not started for the system.</exception>
    public static RemoteExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetExtension<RemoteExtension>()
            ?? throw new InvalidOperationException($"Remoting is not started for actor system {system.Name}; call RemoteExtension.Start first.");
    }

    /// <summary>True while <paramref name="address"/> is quarantined (its system is considered dead).</summary>
    public bool IsQuarantined(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _quarantined.TryGetValue(address, out var until) && Environment.TickCount64 < until;
    }

    /// <summary>
    /// Declares the system at <paramref name="address"/> dead: its association (if any) is closed, its
    /// watchers get <see cref="Terminated"/> with <see cref="Terminated.AddressTerminated"/>, and the address
    /// is quarantined for <see cref="RemoteSettings.QuarantineDuration"/>.
    /// </summary>
    public void Quarantine(Address address, string reason)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(reason);
        if (_associations.TryGetValue(address, out var association) && !association.IsDead)
        {
            association.Fail(reason);
            return;
        }

        AddQuarantine(address, reason);
    }

    /// <summary>
    /// Listens on a further endpoint whose peers authenticate with <paramref name="authKey"/> instead of this system's
    /// own key (e.g. a service other process trees reach with a key of its own). Its peers become ordinary
    /// associations of this system, at its one <see cref="Address"/>; they reach it through this endpoint because they
    /// connected with <see cref="ConnectAsync"/> or hold a route (<see cref="AddRoute"/>).
    /// </summary>
    /// <param name="endPoint">A TCP endpoint (port 0 picks a free port) or a Unix socket path (the file gets mode 0600);
    /// null for a fresh private Unix socket directory, as the main listener's.</param>
    /// <param name="authKey">The key its peers prove (at least 16 bytes).</param>
    /// <returns>The bound endpoint (the real port for port 0).</returns>
    /// <exception cref="ArgumentException">The key is shorter than 16 bytes.</exception>
    /// <exception cref="InvalidOperationException">Remoting is stopping.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">The endpoint cannot be bound (e.g. the port is in use).</exception>
    public EndPoint AddListener(EndPoint? endPoint, byte[] authKey)
    {
        var options = OptionsWithKey(authKey);
        TransportListener listener;
        IDisposable? directory = null;
        if (endPoint is null)
        {
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("A private Unix socket needs Unix file modes; give a TCP endpoint.");
            }

            var unix = UnixSocketDirectory.Create();
            directory = unix;
            try
            {
                listener = TransportListener.Bind(new UnixDomainSocketEndPoint(unix.SocketPath), Identity, options);
            }
            catch
            {
                unix.Dispose();
                throw;
            }
        }
        else
        {
            listener = TransportListener.Bind(endPoint, Identity, options);
        }

        lock (_extraListeners)
        {
            if (IsStopping)
            {
                _ = listener.DisposeAsync().AsTask();
                directory?.Dispose();
                throw new InvalidOperationException($"Remoting of {System.Name} is stopping; no listener can be added.");
            }

            _extraListeners.Add((listener, directory, Task.Run(() => AcceptLoopAsync(listener))));
        }

        Log.Info("Remoting also listening on {EndPoint} (peers with their own key)", EndPointText.Format(listener.LocalEndPoint));
        return listener.LocalEndPoint;
    }

    /// <summary>
    /// Connects to the system listening at <paramref name="endPoint"/> with <paramref name="authKey"/> (which may differ
    /// from this system's key, e.g. a listener added with <see cref="AddListener"/>), keeps the connection as the
    /// association with that system, and routes later connections to it the same way (<see cref="AddRoute"/>).
    /// </summary>
    /// <returns>The address of the system that answered (its refs are under it).</returns>
    /// <exception cref="TransportHandshakeException">The handshake failed: the peer does not know <paramref name="authKey"/> (or is not ActorProc remoting).</exception>
    /// <exception cref="System.Net.Sockets.SocketException">Nothing accepts connections at <paramref name="endPoint"/>.</exception>
    /// <exception cref="InvalidDataException">The peer's identity is not a remote actor system's.</exception>
    /// <exception cref="IOException">The association with the peer failed after the handshake (e.g. its address is quarantined here).</exception>
    public async Task<Address> ConnectAsync(EndPoint endPoint, byte[] authKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        var options = OptionsWithKey(authKey);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var link = await TransportClient.ConnectAsync(endPoint, Identity, options, linked.Token).ConfigureAwait(false);
        if (!RemoteIdentity.TryDecode(link.PeerIdentity, out var identity) || IsLocalAddress(identity.Address))
        {
            link.Dispose();
            throw new InvalidDataException($"The peer at {EndPointText.Format(endPoint)} did not identify as another remote actor system.");
        }

        SetRoute(identity.Address, endPoint, options);
        var association = AssociationFor(identity.Address);
        if (!association.TryUseOutbound(link, identity))
        {
            // Already associated, connecting or dead: the association stays as it is; this link is not needed.
            link.Dispose();
        }

        // Returns once the peer has accepted the association (so it may send first from now on), or failed.
        await association.Settled.WaitAsync(linked.Token).ConfigureAwait(false);
        return association.IsDead
            ? throw new IOException($"The system at {EndPointText.Format(endPoint)} ({identity.Address}) authenticated but the association with it failed (see the log).")
            : identity.Address;
    }

    /// <summary>
    /// From now on, connections to <paramref name="system"/> go to <paramref name="endPoint"/> and authenticate with
    /// <paramref name="authKey"/>. Refs to that system sent to other systems carry the route sealed under this system's
    /// own key, so the systems sharing that key (the process tree) learn it when they read them; others cannot.
    /// </summary>
    /// <exception cref="ArgumentException">The key is shorter than 16 bytes, or <paramref name="system"/> is this system.</exception>
    public void AddRoute(Address system, EndPoint endPoint, byte[] authKey)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(endPoint);
        if (IsLocalAddress(system) || !system.HasGlobalScope)
        {
            throw new ArgumentException($"{system} is not the address of another remote actor system.", nameof(system));
        }

        SetRoute(system, endPoint, OptionsWithKey(authKey));
    }

    // ---- used by associations and refs --------------------------------------------------------------

    internal static EndPoint EndPointOf(Address address) => address.Protocol switch
    {
        UnixProtocol when address.Host is not null => new UnixDomainSocketEndPoint(address.Host),
        TcpProtocol when address is { Host: not null, Port: not null } =>
            IPAddress.TryParse(address.Host, out var ip) ? new IPEndPoint(ip, address.Port.Value) : new DnsEndPoint(address.Host, address.Port.Value),
        _ => throw new NotSupportedException($"Address {address} has no remoting endpoint (use {UnixProtocol} or {TcpProtocol})."),
    };

    /// <summary>Where and with which options to dial <paramref name="address"/>: its route, else the address itself with this system's key.</summary>
    internal (EndPoint EndPoint, TransportOptions Options) DialTarget(Address address) =>
        _hasRoutes && _routes.TryGetValue(address, out var route) ? (route.EndPoint, route.Options) : (EndPointOf(address), TransportOptions);

    /// <summary>The association with <paramref name="address"/>, made on first use (a fresh one once a quarantine expired).</summary>
    internal Association AssociationFor(Address address)
    {
        while (true)
        {
            if (_associations.TryGetValue(address, out var existing))
            {
                if (!existing.IsDead || IsQuarantined(address) || IsStopping)
                {
                    return existing;
                }

                _associations.TryRemove(KeyValuePair.Create(address, existing));
                continue;
            }

            return _associations.GetOrAdd(address, a => new Association(this, a));
        }
    }

    /// <summary>The wire form of a ref: its full path with uid, local paths shown under this system's remote address.</summary>
    internal string WirePath(IActorRef actorRef)
    {
        if (actorRef is RemoteActorRef remote)
        {
            return _hasRoutes && _routes.TryGetValue(remote.Path.Address, out var route) && route.Token is not null
                ? remote.WirePathWith(route, RouteMark)
                : remote.WirePath;
        }

        var path = actorRef.Path;
        if (!path.Address.HasLocalScope || !System.Provider.IsLocal(path.Address))
        {
            // A ref of another actor system in this process travels under that system's remote address when it
            // has remoting (e.g. a user system's actor inside a message of the process runtime's system).
            return path.Address.HasLocalScope && actorRef is InternalActorRef { OwnerSystem: { } owner } && owner != System
                && owner.GetExtension<RemoteExtension>() is { } ownerRemote
                ? ownerRemote.WirePath(actorRef)
                : path.ToSerializationFormat();
        }

        // Ask promises (/temp/$n) are used once: their wire path is built directly, not cached.
        if (path.Depth == 2 && path.Parent.Name == "temp")
        {
            return path.Uid == ActorPath.UndefinedUid
                ? _tempWirePrefix + path.Name
                : _tempWirePrefix + path.Name + "#" + path.Uid.ToString(CultureInfo.InvariantCulture);
        }

        // Cached per path object (one per local ref): senders repeat, rebuilding the path each time is waste.
        return _wirePaths.GetValue(path, _toWirePath);
    }

    /// <summary>
    /// Resolves a wire path. Paths with a uid name one incarnation, so live results are cached (senders and
    /// recipients repeat; parsing and walking the tree for every message would dominate receiving).
    /// </summary>
    internal InternalActorRef ResolveWirePath(string path)
    {
        if (_resolved.TryGetValue(path, out var cached) && !cached.IsTerminated)
        {
            return cached;
        }

        if (TryResolveTemp(path) is { } temp)
        {
            return temp;
        }

        int mark = path.IndexOf(RouteMark);
        var resolved = mark < 0 ? System.Provider.ResolveActorRef(ParseOrDeadLetters(path, System)) : ResolveRouted(path, mark);
        if (resolved is RemoteActorRef { Path: { Depth: 2, Parent.Name: "temp" } } remoteTemp)
        {
            RememberRemoteAddress(path, remoteTemp.Path.Address);
        }

        if (!resolved.IsTerminated && path.Contains('#'))
        {
            if (_resolved.Count >= MaxResolvedCache)
            {
                _resolved.Clear();
            }

            _resolved[path] = resolved;
        }

        return resolved;
    }

    /// <summary>A ref that travelled with a sealed route (<c>path|token</c>): learns the route when this system can open it.</summary>
    private InternalActorRef ResolveRouted(string path, int mark)
    {
        var resolved = ResolveWirePath(path[..mark]);
        var system = resolved.Path.Address;
        if (system.HasGlobalScope && !IsLocalAddress(system) && !_routes.ContainsKey(system)
            && PeerRoute.TryOpen(TransportOptions.AuthKey, system, path.AsSpan(mark + 1), out var endPoint, out var key))
        {
            SetRoute(system, endPoint, OptionsWithKey(key));
            Log.Debug("Learned the route to {Address}: {EndPoint}", system, EndPointText.Format(endPoint));
        }

        return resolved;
    }

    private void SetRoute(Address system, EndPoint endPoint, TransportOptions options)
    {
        _routes[system] = PeerRoute.Create(system, endPoint, options, TransportOptions.AuthKey);
        _hasRoutes = true;
    }

    private TransportOptions OptionsWithKey(byte[] authKey)
    {
        ArgumentNullException.ThrowIfNull(authKey);
        if (authKey.Length < TransportOptions.MinAuthKeyLength)
        {
            throw new ArgumentException($"The auth key must hold at least {TransportOptions.MinAuthKeyLength} bytes.", nameof(authKey));
        }

        return new TransportOptions
        {
            AuthKey = (byte[])authKey.Clone(),
            MaxFrameSize = TransportOptions.MaxFrameSize,
            HandshakeTimeout = TransportOptions.HandshakeTimeout,
            LoggerFactory = TransportOptions.LoggerFactory,
        };
    }

    /// <summary>
    /// Resolves the path of an ask promise (<c>address/temp/$n</c>, no uid, no escapes) without parsing it:
    /// every remote ask brings a new one, as the sender of the request and as the recipient of the reply.
    /// Null when the path has another shape or its address was not seen before.
    /// </summary>
    private InternalActorRef? TryResolveTemp(string path)
    {
        int infix = path.IndexOf(TempInfix, StringComparison.Ordinal);
        if (infix <= 0)
        {
            return null;
        }

        var name = path.AsSpan(infix + TempInfix.Length);
        if (name.Length < 2 || name[0] != '$' || name.ContainsAny(TempNameStop))
        {
            return null;
        }

        if (path.StartsWith(_tempWirePrefix, StringComparison.Ordinal))
        {
            // A reply to one of this system's promises; unknown (completed) ones resolve the slow way.
            return path.Length == _tempWirePrefix.Length + name.Length ? System.Provider.Temp.GetChild(name.ToString()) : null;
        }

        if (!_remoteAddressLookup.TryGetValue(path.AsSpan(0, infix), out var address))
        {
            return null;
        }

        // The wire path is kept as received: it is what the peer resolves when the reply comes back.
        return new RemoteActorRef(this, new RootActorPath(address).Child("temp").Child(name.ToString()), path, isSelection: false);
    }

    private void RememberRemoteAddress(string path, Address address)
    {
        int infix = path.IndexOf(TempInfix, StringComparison.Ordinal);
        if (infix > 0 && _remoteAddresses.Count < MaxRemoteAddressCache && !IsLocalAddress(address)
            && string.Equals(path[..infix], address.ToString(), StringComparison.Ordinal))
        {
            _remoteAddresses.TryAdd(path[..infix], address);
        }
    }

    private bool IsLocalAddress(Address address) => address.Equals(Address) || System.Provider.IsLocal(address);

    internal void ToDeadLetters(object message, IActorRef? sender, IActorRef recipient) =>
        System.DeadLetters.Tell(new DeadLetter(message, sender, recipient), sender);

    internal void Deliver(UserEnvelope envelope)
    {
        try
        {
            if (envelope.IsSelection)
            {
                System.ActorSelection(envelope.Recipient).Tell(envelope.Message, envelope.Sender);
                return;
            }

            var target = ResolveWirePath(envelope.Recipient);
            if (!target.IsLocal)
            {
                // Not an actor of this system: never forward (no relaying between systems).
                ToDeadLetters(envelope.Message, envelope.Sender, target);
                return;
            }

            target.Tell(envelope.Message, envelope.Sender);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidActorNameException)
        {
            Log.Warning("Dropped a message for {Recipient}: {Reason}", envelope.Recipient, e.Message);
        }
    }

    internal void OnAssociationFailed(Association association, string reason)
    {
        if (IsStopping)
        {
            Log.Debug("Association with {Address} closed: {Reason}", association.RemoteAddress, reason);
            return;
        }

        // A peer that said goodbye exits or stops on purpose: no failure to warn about (it is still never reconnected).
        AddQuarantine(association.RemoteAddress, reason, peerLeft: association.PeerLeaving);
    }

    /// <summary>Writes one queued item as a frame payload (kind byte + serialized envelope).</summary>
    internal void WriteFrame(object item, IBufferWriter<byte> payload)
    {
        switch (item)
        {
            case ControlFrame control:
                FrameBodyWriter.WriteKind(payload, control.Kind);
                break;
            case SystemEnvelope system:
                FrameBodyWriter.WriteKind(payload, FrameKind.System);
                Serializer.Serialize(payload, system);
                break;
            case UserEnvelope user:
                WriteUser(user, payload);
                break;
            default:
                FrameBodyWriter.WriteKind(payload, FrameKind.Skip);
                break;
        }
    }

    private void WriteUser(UserEnvelope user, IBufferWriter<byte> payload)
    {
        // Serialized into a scratch buffer first: a message that cannot be serialized (or is too large) must
        // not leave half a frame in the pipe, which would close the whole association.
        var scratch = _scratch ??= new ArrayBufferWriter<byte>(4096);
        scratch.ResetWrittenCount();
        string? failure = null;
        try
        {
            Serializer.Serialize(scratch, user);
            if (scratch.WrittenCount + 1 > Settings.MaximumFrameSize)
            {
                failure = $"it serializes to {scratch.WrittenCount} bytes, above maximum-frame-size {Settings.MaximumFrameSize}";
            }
        }
        catch (Exception e)
        {
            failure = e.Message;
        }

        if (failure is not null)
        {
            Log.Warning("Could not send {MessageType} to {Recipient}: {Reason}", user.Message.GetType().FullName, user.Recipient, failure);
            ToDeadLetters(user.Message, user.Sender, ResolveWirePath(user.Recipient));
            FrameBodyWriter.WriteKind(payload, FrameKind.Skip);
        }
        else
        {
            FrameBodyWriter.WriteKind(payload, FrameKind.User);
            payload.Write(scratch.WrittenSpan);
        }

        if (scratch.Capacity > MaxRetainedScratch)
        {
            _scratch = null;
        }
    }

    // ---- internals ----------------------------------------------------------------------------------

    [UnsupportedOSPlatform("windows")]
    private static (TransportListener Listener, IDisposable Directory, Address Address) BindUnix(string systemName, long uid, TransportOptions options)
    {
        var directory = UnixSocketDirectory.Create();
        try
        {
            var address = new Address(UnixProtocol, systemName, directory.SocketPath);
            var listener = TransportListener.Bind(new UnixDomainSocketEndPoint(directory.SocketPath), new RemoteIdentity(address, uid).Encode(), options);
            return (listener, directory, address);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    private static ActorPath ParseOrDeadLetters(string path, ActorSystem system) =>
        ActorPath.TryParse(path, out var parsed) ? parsed : system.Provider.DeadLetters.Path;

    private static long NewUid()
    {
        long uid;
        do
        {
            uid = Random.Shared.NextInt64();
        }
        while (uid == 0);

        return uid;
    }

    private InternalActorRef? Resolve(ActorPath path) =>
        path.Address.HasGlobalScope && path.Address.Protocol is UnixProtocol or TcpProtocol && (path.Address.Protocol != TcpProtocol || path.Address.Port is not null)
            ? new RemoteActorRef(this, path)
            : null;

    private void AddQuarantine(Address address, string reason, bool peerLeft = false)
    {
        _quarantined[address] = Environment.TickCount64 + (long)Settings.QuarantineDuration.TotalMilliseconds;
        if (peerLeft)
        {
            Log.Debug("Association with {Address} ended: the peer shut down ({Reason})", address, reason);
            return;
        }

        Log.Warning(
            "Association with {Address} lost: {Reason}. The peer is treated as dead (it is not reconnected) and its address is quarantined for {Duration}",
            address, reason, Settings.QuarantineDuration);
    }

    private void OnHeartbeatTick()
    {
        foreach (var association in _associations.Values)
        {
            association.Tick();
        }

        var now = Environment.TickCount64;
        foreach (var (address, until) in _quarantined)
        {
            if (now >= until)
            {
                _quarantined.TryRemove(KeyValuePair.Create(address, until));
            }
        }
    }

    private async Task AcceptLoopAsync(TransportListener listener)
    {
        while (true)
        {
            AuthenticatedLink link;
            try
            {
                link = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            try
            {
                OnInbound(link);
            }
            catch (Exception e)
            {
                Log.Error(e, "Handling an inbound connection failed: {Message}", e.Message);
                link.Dispose();
            }
        }
    }

    private void OnInbound(AuthenticatedLink link)
    {
        if (!RemoteIdentity.TryDecode(link.PeerIdentity, out var identity) || identity.Address.Equals(Address))
        {
            Log.Warning("Refused an inbound connection from {EndPoint}: invalid identity", link.RemoteEndPoint?.ToString() ?? "unknown");
            link.Dispose();
            return;
        }

        if (IsStopping)
        {
            link.Dispose();
            return;
        }

        if (IsQuarantined(identity.Address))
        {
            Log.Warning("Refused an association from {Address}: the address is quarantined (its system was declared dead)", identity.Address);
            link.Dispose();
            return;
        }

        AssociationFor(identity.Address).OnInbound(link, identity);
    }

    /// <summary>
    /// Stops remoting without the rest of the actor system's termination, for a process about to exit: every
    /// queued message is delivered (waiting for connections in progress) and those connections are closed; idle
    /// connections and the listener are left to the kernel, which closes them at exit. The socket directory is removed.
    /// </summary>
    internal async Task StopForExitAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _heartbeat.Cancel();
        foreach (var association in _associations.Values)
        {
            association.SayGoodbye();
        }

        // Only connections with frames still to write need a drain; the others are closed by the kernel at exit,
        // after the peer has received everything written (no close handshake to wait for).
        List<Task>? draining = null;
        foreach (var association in _associations.Values)
        {
            if (!association.IsSendIdle)
            {
                (draining ??= []).Add(association.StopAsync(waitForEnd: false, cancellationToken));
            }
        }

        if (draining is not null)
        {
            await Task.WhenAll(draining).ConfigureAwait(false);
        }

        _socketDirectory?.Dispose();
        await StopExtraListenersAsync().ConfigureAwait(false);
    }

    private async Task StopExtraListenersAsync()
    {
        (TransportListener Listener, IDisposable? Directory, Task Loop)[] extra;
        lock (_extraListeners)
        {
            extra = [.. _extraListeners];
            _extraListeners.Clear();
        }

        foreach (var (listener, directory, _) in extra)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
            directory?.Dispose();
        }
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _heartbeat.Cancel();
        foreach (var association in _associations.Values)
        {
            association.SayGoodbye();
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _listener.DisposeAsync().ConfigureAwait(false);
        await _acceptLoop.ConfigureAwait(false);
        await StopExtraListenersAsync().ConfigureAwait(false);
        await Task.WhenAll(_associations.Values.Select(a => a.StopAsync(cancellationToken))).ConfigureAwait(false);
        _socketDirectory?.Dispose();
        Log.Debug("Remoting stopped");
    }
}
