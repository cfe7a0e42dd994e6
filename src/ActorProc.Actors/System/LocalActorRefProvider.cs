using System.Collections.Concurrent;
using System.Globalization;
using ActorProc.Actors.Dispatch;

namespace ActorProc.Actors;

/// <summary>
/// Creates and resolves actor refs: builds the guardian tree (<c>/</c>, <c>/user</c>, <c>/system</c>,
/// <c>/deadLetters</c>, <c>/temp</c>), creates actors under a parent, and turns paths back into refs. The
/// remoting and process layers plug in through <see cref="RemoteResolver"/> and <see cref="RegisterDeployer"/>.
/// </summary>
internal sealed class LocalActorRefProvider
{
    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, Dispatcher> _dispatchers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, Func<ActorCell, Props, ActorPath, InternalActorRef>> _deployers = new();
    private readonly HashSet<Address> _localAddresses = [];
    private long _nameCounter;

    public LocalActorRefProvider(ActorSystem system)
    {
        _system = system;
        LocalAddress = Address.Local(system.Name);
        _localAddresses.Add(LocalAddress);
        RootPath = new RootActorPath(LocalAddress);
        DefaultDispatcher = new Dispatcher("default", system.Settings.Throughput, system.Settings.ThroughputDeadline);
        _dispatchers["default"] = DefaultDispatcher;
        foreach (var (id, throughput) in system.Settings.Dispatchers)
        {
            _dispatchers[id] = new Dispatcher(id, throughput, system.Settings.ThroughputDeadline);
        }

        RootSupervisor = new RootSupervisorRef(system, RootPath.Child("bubble-walker"));
        DeadLetters = new DeadLetterActorRef(system, RootPath.Child("deadLetters"));
        RootGuardian = CreateLocal(Props.Create<RootGuardianActor>(), RootSupervisor, RootPath);
        Temp = new TempContainer(RootPath.Child("temp"), RootGuardian);
        UserGuardian = CreateChild(RootGuardian, Props.Create(() => new GuardianActor(system, system.Settings.GuardianSupervisorStrategy)), "user");
        SystemGuardian = CreateChild(RootGuardian, Props.Create(() => new GuardianActor(system, SupervisorStrategy.DefaultStrategy)), "system");
    }

    public Address LocalAddress { get; }

    public RootActorPath RootPath { get; }

    public RootSupervisorRef RootSupervisor { get; }

    public LocalActorRef RootGuardian { get; }

    public LocalActorRef UserGuardian { get; }

    public LocalActorRef SystemGuardian { get; }

    public DeadLetterActorRef DeadLetters { get; }

    public TempContainer Temp { get; }

    public Dispatcher DefaultDispatcher { get; }

    /// <summary>Resolves paths of other systems (set by the remoting layer).</summary>
    public Func<ActorPath, InternalActorRef?>? RemoteResolver { get; set; }

    public void Start()
    {
        UserGuardian.Start();
        SystemGuardian.Start();
        RootGuardian.Start();
    }

    /// <summary>Adds an address under which this system is also known (e.g. its remoting address).</summary>
    public void AddLocalAddress(Address address)
    {
        lock (_localAddresses)
        {
            _localAddresses.Add(address);
        }
    }

    public bool IsLocal(Address address)
    {
        lock (_localAddresses)
        {
            return _localAddresses.Contains(address);
        }
    }

    /// <summary>Registers how actors whose props carry a deploy of this type are created (e.g. in their own process).</summary>
    public void RegisterDeployer(Type deployType, Func<ActorCell, Props, ActorPath, InternalActorRef> deployer) => _deployers[deployType] = deployer;

    public IActorRef ActorOf(ActorCell parent, Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null)
        {
            name = "$" + Interlocked.Increment(ref _nameCounter).ToString("x", CultureInfo.InvariantCulture);
        }
        else
        {
            ActorPath.ValidateName(name);
        }

        parent.Children.Reserve(name, parent.SelfRef.Path);
        InternalActorRef child;
        try
        {
            var path = parent.SelfRef.Path.Child(name, NewUid());
            if (props.Deploy.GetType() != typeof(Deploy) && _deployers.TryGetValue(props.Deploy.GetType(), out var deployer))
            {
                child = deployer(parent, props, path);
            }
            else
            {
                child = CreateLocal(props, parent.SelfRef, path);
            }
        }
        catch
        {
            parent.Children.Unreserve(name);
            throw;
        }

        parent.Children.Initialize(name, child);
        (child as LocalActorRef)?.Start();
        parent.AfterChildCreated(child);
        return child;
    }

    public Dispatcher GetDispatcher(string? id) =>
        id is null ? DefaultDispatcher
        : _dispatchers.TryGetValue(id, out var dispatcher) ? dispatcher
        : throw new ArgumentException($"No dispatcher '{id}' is configured (add actorproc.actor.dispatchers.{id}).", nameof(id));

    public MailboxOptions ResolveMailbox(Props props) =>
        props.Mailbox
        ?? (props.MailboxId is null ? _system.Settings.DefaultMailbox
            : _system.Settings.Mailboxes.TryGetValue(props.MailboxId, out var configured) ? configured
            : throw new ArgumentException($"No mailbox '{props.MailboxId}' is configured (add actorproc.actor.mailboxes.{props.MailboxId}).", nameof(props)));

    /// <summary>Resolves a path to a ref: a live actor, a remote ref, or a ref that dead-letters.</summary>
    public InternalActorRef ResolveActorRef(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!IsLocal(path.Address))
        {
            return RemoteResolver?.Invoke(path) ?? new EmptyLocalActorRef(_system, path);
        }

        var found = Walk(path.Elements);
        if (found is null || path.Uid != ActorPath.UndefinedUid && found.Path.Uid != path.Uid)
        {
            return new EmptyLocalActorRef(_system, path);
        }

        return found;
    }

    public InternalActorRef? Walk(IReadOnlyList<string> elements)
    {
        InternalActorRef current = RootGuardian;
        for (var i = 0; i < elements.Count; i++)
        {
            var name = elements[i];
            InternalActorRef? next = i == 0
                ? name switch
                {
                    "temp" => Temp,
                    "deadLetters" => DeadLetters,
                    _ => current.GetChild(name),
                }
                : current.GetChild(name);
            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public LocalActorRef CreateLocal(Props props, InternalActorRef parent, ActorPath path)
    {
        var mailbox = new Mailbox(ResolveMailbox(props).CreateQueue(), GetDispatcher(props.Dispatcher));
        return new LocalActorRef(_system, props, mailbox, parent, path);
    }

    private LocalActorRef CreateChild(LocalActorRef parent, Props props, string name)
    {
        parent.Cell.Children.Reserve(name, parent.Path);
        var child = CreateLocal(props, parent, parent.Path.Child(name, NewUid()));
        parent.Cell.Children.Initialize(name, child);
        return child;
    }

    private static long NewUid()
    {
        long uid;
        do
        {
            uid = Random.Shared.NextInt64();
        }
        while (uid == ActorPath.UndefinedUid);

        return uid;
    }
}
