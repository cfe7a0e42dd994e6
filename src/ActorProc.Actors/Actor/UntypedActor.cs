namespace ActorProc.Actors;

/// <summary>An actor with one method for all messages; call <c>Unhandled(message)</c> for what it does not handle.</summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles a message.</summary>
    protected abstract void OnReceive(object message);

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Replaces the current behavior with another handler.</summary>
    protected void Become(Action<object> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Context.Become(m =>
        {
            receive(m);
            return true;
        });
    }

    /// <summary>Pushes another handler, keeping the old one for <c>UnbecomeStacked</c>.</summary>
    protected void BecomeStacked(Action<object> receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        Context.BecomeStacked(m =>
        {
            receive(m);
            return true;
        });
    }
}
