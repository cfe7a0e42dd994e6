namespace ActorProc.Actors;

/// <summary>
/// The system's publish/subscribe bus. Actors subscribe to a type (a class, a base class or an interface)
/// and get every published event assignable to it: <see cref="DeadLetter"/>, <see cref="UnhandledMessage"/>,
/// <see cref="LogEvent"/> and anything user code publishes. Publishing is lock-free; subscribing copies.
/// </summary>
public sealed class EventStream
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Subscribes an actor to events of <paramref name="channel"/>; false when already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            if (_subscriptions.Any(s => s.Channel == channel && s.Subscriber.Equals(subscriber)))
            {
                return false;
            }

            _subscriptions = [.. _subscriptions, new Subscription(channel, subscriber)];
            return true;
        }
    }

    /// <summary>Subscribes an actor to events of type <typeparamref name="T"/>.</summary>
    public bool Subscribe<T>(IActorRef subscriber) => Subscribe(subscriber, typeof(T));

    /// <summary>Removes one subscription; false when there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_gate)
        {
            var before = _subscriptions.Length;
            _subscriptions = _subscriptions.Where(s => !(s.Channel == channel && s.Subscriber.Equals(subscriber))).ToArray();
            return _subscriptions.Length != before;
        }
    }

    /// <summary>Removes all subscriptions of an actor.</summary>
    public void Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => !s.Subscriber.Equals(subscriber)).ToArray();
        }
    }

    /// <summary>Publishes an event to every matching subscriber (subscribers that have stopped are removed).</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var subscriptions = Volatile.Read(ref _subscriptions);
        foreach (var subscription in subscriptions)
        {
            if (!subscription.Channel.IsInstanceOfType(@event))
            {
                continue;
            }

            if (subscription.Subscriber is InternalActorRef { IsTerminated: true })
            {
                Unsubscribe(subscription.Subscriber);
                continue;
            }

            subscription.Subscriber.Tell(@event, null);
        }
    }

    private sealed record Subscription(Type Channel, IActorRef Subscriber);
}
