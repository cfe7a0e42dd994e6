using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Managers;
using ActorProc.Multiprocessing.Runtime;
using ActorProc.Remote;
using ActorProc.Remote.Transport;
using ActorProc.Serialization;

namespace ActorProc.Multiprocessing;

/// <summary>
/// A server process that holds shared objects for other processes, as Python's <c>multiprocessing.Manager()</c>
/// (a <c>SyncManager</c>): dictionaries, lists and namespaces reached through proxies, and queues, locks, events and
/// semaphores whose owners live in the manager process. Start one with <see cref="Start"/>, or reach one that another
/// program (or host) started with <see cref="Connect"/>.
/// </summary>
/// <remarks>
/// <para>The manager process is a daemon child of the process that started it (an ActorProc <see cref="Process"/>),
/// so it ends with that process however it ends. <see cref="Address"/> is where it listens for clients:
/// <c>tcp://host:port</c> or <c>unix:/path</c>; clients prove the manager's key with the HMAC handshake of ActorProc
/// remoting (a wrong key is refused at once). The processes of the starting process's tree reach it directly.</para>
/// <para>Every object it returns is serializable: capture it in a <see cref="Process"/> target or send it in a
/// message or through another manager object; it works there. Programs that share nothing else meet in a named
/// namespace (<see cref="Namespace(string)"/>), where they leave each other proxies and handles. A process that
/// connected to a manager with its key passes the way to it (sealed under its process tree's key) to the processes of
/// its tree it sends a proxy or handle to.</para>
/// <para>Objects live until the manager shuts down (Python frees one when its last proxy is gone). After
/// <see cref="Shutdown"/> or the death of the manager process, calls on its proxies and handles throw
/// <see cref="OwnerProcessGoneException"/>.</para>
/// </remarks>
public sealed class Manager : IDisposable, IAsyncDisposable
{
    private const string What = "Manager";
    private static int _started;

    private readonly IActorRef _server;
    private readonly string _address;

    [NonSerialized]
    private readonly Process? _process;

    [NonSerialized]
    private int _closed;

    private Manager(IActorRef server, string address, Process? process)
    {
        _server = server;
        _address = address;
        _process = process;
    }

    /// <summary>
    /// Where the manager listens for clients, in the form <see cref="Connect"/> takes: <c>tcp://host:port</c> (the real
    /// port when it was started with port 0) or <c>unix:/path</c>.
    /// </summary>
    public string Address => _address;

    /// <summary>The manager process, for a manager started by this process (null otherwise).</summary>
    internal Process? ServerProcess => _process;

    /// <summary>
    /// Starts a manager process and returns its manager. Disposing the manager shuts the process down.
    /// </summary>
    /// <param name="address">Where clients connect: <c>tcp://host:port</c> or <c>host:port</c> (port 0 picks a free port; an
    /// IPv6 host in brackets), or <c>unix:/absolute/path</c>; null for a private Unix socket (mode 0700 directory).</param>
    /// <param name="authKey">The key clients must prove (at least 16 bytes); null for this process tree's key, as Python
    /// uses the process's <c>authkey</c>. It reaches the manager process over the tree's authenticated remoting.</param>
    /// <exception cref="ArgumentException"><paramref name="address"/> is not an address in one of these forms, or the key is shorter than 16 bytes.</exception>
    /// <exception cref="IOException">The manager cannot listen at <paramref name="address"/> (e.g. the port is in use).</exception>
    /// <exception cref="TimeoutException">The manager process was not ready within <c>actorproc.manager.start-timeout</c>.</exception>
    public static Manager Start(string? address = null, byte[]? authKey = null)
    {
        string? listenAt = address is null ? null : EndPointText.Format(Bindable(ParseAddress(address, nameof(address)), address));
        if (authKey is not null)
        {
            CheckKey(authKey, nameof(authKey));
        }

        var runtime = ProcessRuntime.Get();
        var settings = ManagerSettings.FromConfig(runtime.System.Settings.Config);
        var report = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = runtime.System.SystemActorOf(Props.Create(() => new StartWaiter(report)));
        try
        {
            var start = new ManagerServerStart(waiter, listenAt, authKey is null ? null : (byte[])authKey.Clone());
            var process = new Process(() => ManagerServer.Serve(start), "Manager-" + Interlocked.Increment(ref _started), daemon: true);
            process.Start();
            var ended = process.JoinAsync();
            Task.WhenAny(report.Task, ended).Wait(settings.StartTimeout);
            switch (report.Task.IsCompleted ? report.Task.Result : null)
            {
                case ManagerStarted started:
                    return new Manager(started.Server, started.Address, process);
                case ManagerStartFailed failed:
                    process.Join(settings.ShutdownTimeout);
                    throw new IOException($"The manager could not listen at {address ?? "a private Unix socket"}: {failed.Reason}");
            }

            if (ended.IsCompleted)
            {
                throw new InvalidOperationException($"The manager process ended before it was ready (exit code {process.ExitCode}).");
            }

            process.Kill();
            process.Join(settings.ShutdownTimeout);
            throw new TimeoutException($"The manager process was not ready within {settings.StartTimeout} (actorproc.manager.start-timeout); it was killed.");
        }
        finally
        {
            runtime.System.Stop(waiter);
        }
    }

    /// <summary>
    /// Connects to a manager started elsewhere (another program, another host) at <paramref name="address"/>. Disposing
    /// the returned manager disconnects this object only; the manager keeps running.
    /// </summary>
    /// <param name="address">The manager's <see cref="Address"/>: <c>tcp://host:port</c>, <c>host:port</c> or <c>unix:/path</c>.</param>
    /// <param name="authKey">The manager's key.</param>
    /// <exception cref="ArgumentException"><paramref name="address"/> is not an address, or the key is shorter than 16 bytes.</exception>
    /// <exception cref="AuthenticationException">The manager refused the key (or does not speak ActorProc remoting).</exception>
    /// <exception cref="IOException">Nothing accepts connections at <paramref name="address"/>.</exception>
    /// <exception cref="TimeoutException">No manager answered within <c>actorproc.manager.connect-timeout</c>.</exception>
    public static Manager Connect(string address, byte[] authKey)
    {
        var endPoint = ParseAddress(address, nameof(address));
        CheckKey(authKey, nameof(authKey));
        var runtime = ProcessRuntime.Get();
        var settings = ManagerSettings.FromConfig(runtime.System.Settings.Config);
        var normalized = EndPointText.Format(endPoint);
        Actors.Address system;
        using (var timeout = new CancellationTokenSource(settings.ConnectTimeout))
        {
            try
            {
                system = runtime.Remote.ConnectAsync(endPoint, authKey, timeout.Token).GetAwaiter().GetResult();
            }
            catch (TransportHandshakeException e)
            {
                throw new AuthenticationException($"The manager at {normalized} refused the connection: the auth key does not match ({e.Message}).", e);
            }
            catch (SocketException e)
            {
                throw new IOException($"No manager accepts connections at {normalized}: {e.Message}", e);
            }
            catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Connecting to the manager at {normalized} took longer than {settings.ConnectTimeout} (actorproc.manager.connect-timeout).", e);
            }
        }

        var server = runtime.System.ResolveActorRef(new RootActorPath(system).Child("system").Child(ManagerServer.Name));
        try
        {
            OwnerCall.Ask<ManagerInfo>(server, new ManagerHello(), What, settings.ConnectTimeout);
        }
        catch (AskTimeoutException e)
        {
            throw new TimeoutException($"Nothing answered as a manager at {normalized} within {settings.ConnectTimeout} (actorproc.manager.connect-timeout).", e);
        }

        return new Manager(server, normalized, process: null);
    }

    /// <summary>A new dictionary in the manager, as Python's <c>manager.dict()</c>.</summary>
    /// <typeparam name="TKey">The key type; the manager process compares keys, so it must have the type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <returns>A proxy with the semantics of <see cref="Dictionary{TKey, TValue}"/> (<see cref="KeyNotFoundException"/>,
    /// <see cref="ArgumentException"/> from <c>Add</c> of a present key, ...); each member is one request to the manager,
    /// enumeration, <c>Keys</c> and <c>Values</c> are snapshots, and values are copies.</returns>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    /// <exception cref="OwnerProcessGoneException">The manager process is gone.</exception>
    public IDictionary<TKey, TValue> Dict<TKey, TValue>()
        where TKey : notnull => new DictProxy<TKey, TValue>(Channel(new CreateDictOwner(), "Dict"));

    /// <summary>A new list in the manager, as Python's <c>manager.list()</c>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <returns>A proxy with the semantics of <see cref="List{T}"/> (<see cref="ArgumentOutOfRangeException"/> for an index
    /// outside it, ...); each member is one request to the manager, enumeration is over a snapshot, items are copies.</returns>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    /// <exception cref="OwnerProcessGoneException">The manager process is gone.</exception>
    public IList<T> List<T>() => new ListProxy<T>(Channel(new CreateListOwner(), "List"));

    /// <summary>A new queue owned by the manager process, as Python's <c>manager.Queue()</c>.</summary>
    /// <param name="maxsize">The most items it holds; 0 or less for unbounded.</param>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    public Queue<T> Queue<T>(int maxsize = 0) => Create<Queue<T>>(new CreateQueue<T>(maxsize));

    /// <summary>A new joinable queue owned by the manager process, as Python's <c>manager.JoinableQueue()</c>.</summary>
    /// <param name="maxsize">The most items it holds; 0 or less for unbounded.</param>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    public JoinableQueue<T> JoinableQueue<T>(int maxsize = 0) => Create<JoinableQueue<T>>(new CreateJoinableQueue<T>(maxsize));

    /// <summary>A new namespace in the manager, as Python's <c>manager.Namespace()</c>: <c>ns["x"] = 1</c>, <c>ns.Get&lt;int&gt;("x")</c>.</summary>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    public Namespace Namespace() => new(Channel(new CreateDictOwner(), "Namespace"));

    /// <summary>
    /// The manager's namespace called <paramref name="name"/>, made on first use: every process that asks this manager
    /// for that name (through <see cref="Connect"/> too) gets the same namespace. It is where processes that share
    /// nothing else find each other's objects, as those registered with Python's <c>BaseManager.register</c>: store a
    /// proxy or a handle in it (<c>ns["jobs"] = manager.Queue&lt;Job&gt;()</c>) and read it in another program.
    /// </summary>
    /// <param name="name">The name (not empty).</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    public Namespace Namespace(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, this);
        return new(new ProxyChannel(OwnerCall.Ask<IActorRef>(_server, new ManagerNamedNamespace(name), What), "Namespace"));
    }

    /// <summary>
    /// A value created by the manager process (Python's <c>manager.Value</c>): processes on the manager's host map its shared
    /// memory (reads and writes cost no message); processes on other hosts read and write it by message. Its lock is
    /// <see cref="SharedValue{T}.GetLock"/>.
    /// </summary>
    /// <typeparam name="T">An unmanaged type.</typeparam>
    /// <param name="initial">The initial value.</param>
    /// <returns>The value's handle.</returns>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    public SharedValue<T> Value<T>(T initial)
        where T : unmanaged => Create<SharedValue<T>>(new CreateValue<T>(initial));

    /// <summary>An array of <paramref name="length"/> zeros created by the manager process (Python's <c>manager.Array</c>); see <see cref="Value{T}"/>.</summary>
    /// <typeparam name="T">An unmanaged type.</typeparam>
    /// <param name="length">The number of elements.</param>
    /// <returns>The array's handle.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    public SharedArray<T> Array<T>(int length)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return Create<SharedArray<T>>(new CreateArray<T>(length));
    }

    /// <summary>A new lock owned by the manager process, as Python's <c>manager.Lock()</c>.</summary>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    public Lock Lock() => Create<Lock>(new CreateLock());

    /// <summary>A new re-entrant lock owned by the manager process, as Python's <c>manager.RLock()</c>.</summary>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    public RLock RLock() => Create<RLock>(new CreateRLock());

    /// <summary>A new event owned by the manager process, as Python's <c>manager.Event()</c>.</summary>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    public Event Event() => Create<Event>(new CreateEvent());

    /// <summary>A new semaphore owned by the manager process, as Python's <c>manager.Semaphore(value)</c>.</summary>
    /// <param name="value">The initial number of permits.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    public Semaphore Semaphore(int value = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return Create<Semaphore>(new CreateSemaphore(value, bounded: false));
    }

    /// <summary>A new bounded semaphore owned by the manager process, as Python's <c>manager.BoundedSemaphore(value)</c>.</summary>
    /// <param name="value">The initial (and largest) number of permits.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    public BoundedSemaphore BoundedSemaphore(int value = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return Create<BoundedSemaphore>(new CreateSemaphore(value, bounded: true));
    }

    /// <summary>A new condition owned by the manager process, as Python's <c>manager.Condition(lock)</c>.</summary>
    /// <param name="lock">Its lock (best one of this manager's); null for a new <see cref="Multiprocessing.RLock"/> in the manager process.</param>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    public Condition Condition(Lock? @lock = null) => Create<Condition>(new CreateCondition(@lock));

    /// <summary>A new barrier owned by the manager process, as Python's <c>manager.Barrier(parties, timeout)</c>.</summary>
    /// <param name="parties">How many processes or threads must wait before all go on.</param>
    /// <param name="timeout">The default timeout of <see cref="Multiprocessing.Barrier.Wait"/>; null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parties"/> is less than 1.</exception>
    /// <exception cref="ObjectDisposedException">This manager was shut down or disposed.</exception>
    public Barrier Barrier(int parties, TimeSpan? timeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parties, 1);
        return Create<Barrier>(new CreateBarrier(parties, timeout));
    }

    /// <summary>
    /// Stops the manager process: its objects are gone, and calls on their proxies and handles throw
    /// <see cref="OwnerProcessGoneException"/> (in every process). Returns once the process has ended (it is killed if it
    /// does not end within <c>actorproc.manager.shutdown-timeout</c>). On a manager from <see cref="Connect"/> (or one
    /// received from another process) it asks the manager process to stop as well, which any holder of the key may.
    /// Nothing happens the second time.
    /// </summary>
    public void Shutdown()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        var runtime = ProcessRuntime.Get();
        var settings = ManagerSettings.FromConfig(runtime.System.Settings.Config);
        var gone = runtime.Owners.GoneToken(_server);
        try
        {
            OwnerCall.Ask<ManagerStopping>(_server, new ManagerShutdown(), What, settings.ShutdownTimeout);
        }
        catch (Exception e) when (e is OwnerProcessGoneException or AskTimeoutException)
        {
            // Gone already, or hanging: the process is ended below either way.
        }

        if (_process is not null)
        {
            if (!_process.Join(settings.ShutdownTimeout))
            {
                _process.Kill();
                _process.Join(settings.ShutdownTimeout);
            }
        }
        else
        {
            // Not our child: wait until its end is known here, so later calls fail at once.
            gone.WaitHandle.WaitOne(settings.ShutdownTimeout);
        }
    }

    /// <summary>For a manager started here, <see cref="Shutdown"/>; for one from <see cref="Connect"/> (or received from
    /// another process), disconnects this object: its methods throw <see cref="ObjectDisposedException"/>, and the manager
    /// and the objects already obtained stay.</summary>
    public void Dispose()
    {
        if (_process is not null)
        {
            Shutdown();
        }
        else
        {
            Volatile.Write(ref _closed, 1);
        }
    }

    /// <summary>As <see cref="Dispose"/>, on a thread-pool thread.</summary>
    public ValueTask DisposeAsync() => _process is null ? DisposeNow() : new ValueTask(Task.Run(Dispose));

    /// <inheritdoc />
    public override string ToString() =>
        $"<Manager address='{_address}' {(Volatile.Read(ref _closed) != 0 ? "closed" : _process is null ? "connected" : "started")}>";

    private static EndPoint ParseAddress(string address, string paramName)
    {
        ArgumentNullException.ThrowIfNull(address, paramName);
        try
        {
            return EndPointText.Parse(address);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, paramName, e);
        }
    }

    // A listener binds an IP address: a host name is resolved here.
    private static EndPoint Bindable(EndPoint endPoint, string address)
    {
        if (endPoint is not DnsEndPoint dns)
        {
            return endPoint;
        }

        try
        {
            var ips = Dns.GetHostAddresses(dns.Host);
            var ip = ips.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? ips.FirstOrDefault();
            return ip is null
                ? throw new ArgumentException($"Host name '{dns.Host}' of manager address '{address}' has no IP address.", nameof(address))
                : new IPEndPoint(ip, dns.Port);
        }
        catch (SocketException e)
        {
            throw new ArgumentException($"Host name '{dns.Host}' of manager address '{address}' cannot be resolved: {e.Message}", nameof(address), e);
        }
    }

    private static void CheckKey(byte[] authKey, string paramName)
    {
        ArgumentNullException.ThrowIfNull(authKey, paramName);
        if (authKey.Length < TransportOptions.MinAuthKeyLength)
        {
            throw new ArgumentException($"An auth key must hold at least {TransportOptions.MinAuthKeyLength} bytes, not {authKey.Length}.", paramName);
        }
    }

    private ValueTask DisposeNow()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private ProxyChannel Channel(ManagerCreation creation, string what) => new(Create<IActorRef>(creation), what);

    private T Create<T>(ManagerCreation creation)
        where T : class
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, this);
        byte[] bytes;
        try
        {
            bytes = ProcessRuntime.Get().Serializer.SerializeToArray(creation);
        }
        catch (SerializationException e)
        {
            throw new ArgumentException($"The arguments cannot be sent to the manager: {e.Message}", e);
        }

        var reply = OwnerCall.Ask<object>(_server, new ManagerCreate(bytes), What);
        return reply as T ?? throw new InvalidOperationException($"The manager replied with a {reply.GetType().Name} instead of a {typeof(T).Name}.");
    }
}
