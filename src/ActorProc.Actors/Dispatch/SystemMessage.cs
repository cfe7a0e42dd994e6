namespace ActorProc.Actors.Dispatch;

/// <summary>
/// Messages of the runtime itself (create, stop, watch, failure, ...). They are processed before user
/// messages and also while the actor is suspended.
/// </summary>
internal abstract class SystemMessage
{
    /// <summary>Link in the mailbox's pending stack; a message sits in at most one mailbox at a time.</summary>
    internal SystemMessage? Next;
}

/// <summary>Create the actor instance (first message of every actor).</summary>
internal sealed class Create : SystemMessage
{
}

/// <summary>Restart the actor after a failure.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Stop processing user messages until resumed.</summary>
internal sealed class Suspend : SystemMessage
{
}

/// <summary>Resume processing user messages.</summary>
internal sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public Exception? CausedByFailure { get; } = causedByFailure;
}

/// <summary>Stop the actor (children first).</summary>
internal sealed class Terminate : SystemMessage
{
}

/// <summary>The watcher wants a <see cref="Terminated"/> when the watchee stops.</summary>
internal sealed class Watch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public InternalActorRef Watchee { get; } = watchee;

    public InternalActorRef Watcher { get; } = watcher;
}

/// <summary>The watcher no longer wants notifications.</summary>
internal sealed class Unwatch(InternalActorRef watchee, InternalActorRef watcher) : SystemMessage
{
    public InternalActorRef Watchee { get; } = watchee;

    public InternalActorRef Watcher { get; } = watcher;
}

/// <summary>Tells a watcher that the watched actor stopped.</summary>
internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed, bool addressTerminated) : SystemMessage
{
    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;

    public bool AddressTerminated { get; } = addressTerminated;
}

/// <summary>A child reports a failure to its parent, which applies its supervisor strategy.</summary>
internal sealed class Failed(IActorRef child, Exception cause, long uid) : SystemMessage
{
    public IActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;

    public long Uid { get; } = uid;
}

/// <summary>A child tells its parent that it has stopped.</summary>
internal sealed class ChildTerminated(IActorRef child) : SystemMessage
{
    public IActorRef Child { get; } = child;
}

/// <summary>Runs a continuation of an async handler on the actor, with the actor's context.</summary>
internal sealed class RunContinuation(SendOrPostCallback callback, object? state) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;
}

/// <summary>The task returned by an async handler finished: resume user messages or fail.</summary>
internal sealed class AsyncHandlerCompleted(Task task) : SystemMessage
{
    public Task Task { get; } = task;
}
