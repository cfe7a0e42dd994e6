using System.Reflection;
using ActorProc.Actors.Dispatch;

namespace ActorProc.Actors;

/// <summary>
/// An immutable recipe for creating an actor: how to construct it, its mailbox, its dispatcher and
/// deployment. The same props can create many actors, and are reused to rebuild an actor on restart.
/// </summary>
public sealed class Props
{
    private Props(Type actorType, Func<ActorBase> factory)
    {
        ActorType = actorType;
        Factory = factory;
    }

    private Props(Props source)
    {
        ActorType = source.ActorType;
        Factory = source.Factory;
        Mailbox = source.Mailbox;
        MailboxId = source.MailboxId;
        Dispatcher = source.Dispatcher;
        SupervisorStrategy = source.SupervisorStrategy;
        Deploy = source.Deploy;
    }

    /// <summary>The actor's type.</summary>
    public Type ActorType { get; }

    /// <summary>The mailbox; null for the configured default.</summary>
    public MailboxOptions? Mailbox { get; private init; }

    /// <summary>The name of a mailbox configured under <c>actorproc.actor.mailboxes</c>; null when <see cref="Mailbox"/> or the default applies.</summary>
    public string? MailboxId { get; private init; }

    /// <summary>The dispatcher id; null for the default dispatcher.</summary>
    public string? Dispatcher { get; private init; }

    /// <summary>A supervisor strategy that overrides the actor's own <c>SupervisorStrategy()</c>; null to use the actor's.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; private init; }

    /// <summary>Where the actor is deployed; <see cref="Deploy.Local"/> unless changed by an extension (e.g. process isolation).</summary>
    public Deploy Deploy { get; private init; } = Deploy.Local;

    /// <summary>The factory that builds an instance.</summary>
    internal Func<ActorBase> Factory { get; }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() => new(typeof(TActor), static () => new TActor());

    /// <summary>Props for an actor built by a factory, e.g. <c>Props.Create(() =&gt; new Greeter("hi"))</c>. The factory runs again on every restart.</summary>
    public static Props Create<TActor>(Func<TActor> factory)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory);
    }

    /// <summary>Props for an actor type and constructor arguments.</summary>
    /// <exception cref="ArgumentException">The type is not an actor, or it has no public constructor taking these arguments.</exception>
    public static Props Create(Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        args ??= [];
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
        {
            throw new ArgumentException($"Type {actorType.FullName} is not a concrete actor type (it must derive from ActorBase).", nameof(actorType));
        }

        var ctor = FindConstructor(actorType, args) ?? throw new ArgumentException(
            $"Type {actorType.FullName} has no public constructor taking ({string.Join(", ", args.Select(a => a?.GetType().Name ?? "null"))}).",
            nameof(args));
        return new Props(actorType, () => (ActorBase)ctor.Invoke(args));
    }

    /// <summary>Props from a factory already known to build <paramref name="actorType"/> (the process layer rebuilds props in a child).</summary>
    internal static Props FromFactory(Type actorType, Func<ActorBase> factory) => new(actorType, factory);

    /// <summary>Returns props with another mailbox.</summary>
    public Props WithMailbox(MailboxOptions mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return new Props(this) { Mailbox = mailbox, MailboxId = null };
    }

    /// <summary>Returns props with a mailbox configured under <c>actorproc.actor.mailboxes.NAME</c>.</summary>
    public Props WithMailbox(string mailboxId)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailboxId);
        return new Props(this) { MailboxId = mailboxId, Mailbox = null };
    }

    /// <summary>Returns props with a bounded mailbox.</summary>
    public Props WithBoundedMailbox(int capacity, OverflowPolicy overflow = OverflowPolicy.DropNewest) =>
        WithMailbox(MailboxOptions.Bounded(capacity, overflow));

    /// <summary>Returns props with a priority mailbox (lower numbers first).</summary>
    public Props WithPriorityMailbox(Func<object, int> priority) => WithMailbox(MailboxOptions.WithPriority(priority));

    /// <summary>Returns props with another dispatcher (configured under <c>actorproc.actor.dispatchers</c>).</summary>
    public Props WithDispatcher(string dispatcherId)
    {
        ArgumentException.ThrowIfNullOrEmpty(dispatcherId);
        return new Props(this) { Dispatcher = dispatcherId };
    }

    /// <summary>Returns props whose actor supervises its children with this strategy.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(this) { SupervisorStrategy = strategy };
    }

    /// <summary>Returns props with another deployment.</summary>
    public Props WithDeploy(Deploy deploy)
    {
        ArgumentNullException.ThrowIfNull(deploy);
        return new Props(this) { Deploy = deploy };
    }

    internal ActorBase NewActor()
    {
        var actor = Factory();
        if (actor is null)
        {
            throw new InvalidOperationException($"The props factory for {ActorType.Name} returned null.");
        }

        return actor;
    }

    private static ConstructorInfo? FindConstructor(Type type, object?[] args) =>
        type.GetConstructors().FirstOrDefault(c =>
        {
            var ps = c.GetParameters();
            return ps.Length == args.Length && ps.Zip(args).All(p =>
                p.Second is null ? !p.First.ParameterType.IsValueType || Nullable.GetUnderlyingType(p.First.ParameterType) is not null
                                 : p.First.ParameterType.IsInstanceOfType(p.Second));
        });

    /// <inheritdoc />
    public override string ToString() => $"Props({ActorType.Name}, mailbox: {Mailbox?.Kind.ToString() ?? "default"}, deploy: {Deploy})";
}
