namespace ActorProc.Actors;

/// <summary>
/// The base of every actor. An actor processes one message at a time; its state needs no locks. Create
/// actors only through <see cref="Props"/> and <c>ActorOf</c>, never with <c>new</c>.
/// </summary>
/// <remarks>
/// Lifecycle (Akka's order): constructor, <see cref="PreStart"/>; on restart the failed instance gets
/// <see cref="PreRestart"/> (by default: stop the children, then <see cref="PostStop"/>), then a fresh instance
/// is constructed and gets <see cref="PostRestart"/> (by default: <see cref="PreStart"/>); on stop, after all
/// children have stopped, <see cref="PostStop"/>.
/// </remarks>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the instance to the cell that is creating it.</summary>
    /// <exception cref="InvalidOperationException">The actor was created with <c>new</c> instead of <c>ActorOf</c>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.Current is { IsCreatingActor: true } cell
            ? cell
            : throw new InvalidOperationException(
                $"Actor {GetType().Name} must be created by ActorOf(Props.Create(...)), not with 'new'.");
    }

    /// <summary>The context of the actor currently processing a message on this thread.</summary>
    /// <exception cref="InvalidOperationException">Used outside an actor.</exception>
    protected static IActorContext Context =>
        ActorCell.Current ?? throw new InvalidOperationException("Context is only available inside an actor.");

    /// <summary>This actor's ref.</summary>
    protected IActorRef Self => _cell.SelfRef;

    /// <summary>The sender of the current message.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>Handles a message; returns false when the message is not handled.</summary>
    protected abstract bool Receive(object message);

    /// <summary>Called once the instance is created, before the first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called after the actor and all its children have stopped.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Called on the failed instance before a restart; by default stops all children and calls <see cref="PostStop"/>.</summary>
    /// <param name="reason">The exception that caused the restart.</param>
    /// <param name="message">The message being processed when it failed, if any.</param>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Called on the fresh instance after a restart; by default calls <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>The strategy this actor applies to its failing children; by default restart on any exception.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// Called for a message no behavior handled. An unhandled <see cref="Terminated"/> throws
    /// <see cref="DeathPactException"/>; anything else is published as <see cref="UnhandledMessage"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.PublishUnhandled(message);
    }

    /// <summary>Replaces the current behavior.</summary>
    protected void Become(Receive receive) => Context.Become(receive);

    /// <summary>Pushes a behavior, keeping the old one.</summary>
    protected void BecomeStacked(Receive receive) => Context.BecomeStacked(receive);

    /// <summary>Returns to the previous behavior.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    /// <summary>Sets the receive timeout.</summary>
    protected void SetReceiveTimeout(TimeSpan? timeout) => Context.SetReceiveTimeout(timeout);

    internal bool InvokeReceive(object message) => Receive(message);

    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();
}
