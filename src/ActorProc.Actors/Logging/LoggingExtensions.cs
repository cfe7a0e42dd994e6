namespace ActorProc.Actors;

/// <summary>Gets loggers for actors and other code running in an actor system.</summary>
public static class LoggingExtensions
{
    /// <summary>The logger of the current actor: writes to the system's logger factory with the actor's path.</summary>
    public static ILoggingAdapter GetLogger(this IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context is ActorCell cell ? cell.Logger : context.System.GetLogger(context.Self.Path.ToString(), typeof(IActorContext));
    }
}
