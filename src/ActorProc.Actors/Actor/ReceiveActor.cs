namespace ActorProc.Actors;

/// <summary>
/// An actor whose behavior is a list of typed handlers registered in its constructor
/// (<c>Receive&lt;string&gt;(s =&gt; ...)</c>); the first handler whose type and predicate match handles
/// the message. <c>Become(() =&gt; { Receive...; })</c> switches to another list.
/// </summary>
/// <remarks>
/// An async handler (<see cref="ReceiveAsync{T}(Func{T, Task}, Predicate{T}?)"/>) that does not complete
/// synchronously suspends the actor's user messages until its task ends; its continuations run on the actor
/// with <c>Sender</c> and <c>Self</c> intact. A faulted task fails the actor like a thrown exception.
/// </remarks>
public abstract class ReceiveActor : ActorBase
{
    private readonly HandlerSet _current = new();
    private HandlerSet? _building;

    /// <summary>Starts registering handlers for the initial behavior.</summary>
    protected ReceiveActor() => _building = _current;

    /// <summary>Handles messages of type <typeparamref name="T"/> (optionally only those passing <paramref name="shouldHandle"/>).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new ActionHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> that pass <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        Receive(handler, shouldHandle);
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="handler"/> returns true.</summary>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new FuncHandler<T>(handler));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> asynchronously (see the class remarks).</summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new AsyncHandler<T>(handler, shouldHandle));
    }

    /// <summary>Handles every message not handled by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new ActionHandler<object>(handler, null));
    }

    /// <summary>Handles every message not handled by an earlier handler, asynchronously.</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Building().Add(new AsyncHandler<object>(handler, null));
    }

    /// <summary>Replaces the behavior with the handlers that <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Context.Become(BuildSet(configure).Handle);

    /// <summary>Pushes the handlers that <paramref name="configure"/> registers, keeping the old behavior.</summary>
    protected void BecomeStacked(Action configure) => Context.BecomeStacked(BuildSet(configure).Handle);

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        _building = null;
        return _current.Handle(message);
    }

    private HandlerSet BuildSet(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var set = new HandlerSet();
        var previous = _building;
        _building = set;
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }

        return set;
    }

    private HandlerSet Building() =>
        _building ?? throw new InvalidOperationException(
            "Receive handlers can only be registered in the constructor or inside Become(() => ...).");
}
