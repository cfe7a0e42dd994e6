namespace ActorProc.Actors;

/// <summary>One typed handler registered with <see cref="ReceiveActor"/>.</summary>
internal interface IMessageHandler
{
    bool TryHandle(object message);
}

/// <summary>An ordered set of handlers: the first that accepts a message handles it.</summary>
internal sealed class HandlerSet
{
    private IMessageHandler[] _handlers = [];

    public void Add(IMessageHandler handler) => _handlers = [.. _handlers, handler];

    public bool Handle(object message)
    {
        foreach (var handler in _handlers)
        {
            if (handler.TryHandle(message))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class ActionHandler<T>(Action<T> action, Predicate<T>? shouldHandle) : IMessageHandler
{
    public bool TryHandle(object message)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            action(typed);
            return true;
        }

        return false;
    }
}

internal sealed class FuncHandler<T>(Func<T, bool> handler) : IMessageHandler
{
    public bool TryHandle(object message) => message is T typed && handler(typed);
}

internal sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : IMessageHandler
{
    public bool TryHandle(object message)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            ActorCell.Current!.RunAsyncHandler(handler, typed);
            return true;
        }

        return false;
    }
}
