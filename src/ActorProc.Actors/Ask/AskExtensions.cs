namespace ActorProc.Actors;

/// <summary>Request/response with actors: <c>await actor.Ask&lt;Reply&gt;(request, timeout)</c>. No thread waits meanwhile.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and completes with the first reply. A
    /// <see cref="Status.Failure"/> reply faults the task with its cause; a reply of another type faults it
    /// with <see cref="InvalidCastException"/>.
    /// </summary>
    /// <param name="receiver">The actor (or selection target) to ask.</param>
    /// <param name="message">The request.</param>
    /// <param name="timeout">How long to wait; null uses <c>actorproc.actor.ask-timeout</c> (infinite by default).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="AskTimeoutException">No reply within the timeout (thrown by the task).</exception>
    public static Task<T> Ask<T>(this IActorRef receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        var system = (receiver as LocalActorRef)?.Cell.System ?? ActorCell.Current?.System ?? (receiver as InternalActorRef)?.OwnerSystem;
        if (receiver is InternalActorRef { IsTerminated: true } && receiver is not PromiseActorRef<T>)
        {
            return Task.FromException<T>(new AskTimeoutException($"Ask to {receiver.Path} failed: the recipient is terminated."));
        }

        var promise = new PromiseActorRef<T>(system?.Provider.Temp, receiver);
        promise.Start(timeout ?? system?.Settings.AskTimeout, cancellationToken);
        receiver.Tell(message, promise);
        return promise.Task;
    }

    /// <summary>Asks and returns the reply as an object.</summary>
    public static Task<object> Ask(this IActorRef receiver, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        receiver.Ask<object>(message, timeout, cancellationToken);
}
