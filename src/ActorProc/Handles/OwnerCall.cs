using ActorProc.Actors;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Handles;

/// <summary>
/// Request/reply from a handle to the actor that owns its object, in whatever process that actor lives.
/// A call fails fast with <see cref="OwnerProcessGoneException"/> when the owner is gone instead of waiting.
/// </summary>
internal static class OwnerCall
{
    /// <summary>Asks <paramref name="owner"/>; <paramref name="what"/> names the object in errors (e.g. "Lock").</summary>
    /// <exception cref="OwnerProcessGoneException">The owner stopped or its process died.</exception>
    /// <exception cref="AskTimeoutException">No reply within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<T> AskAsync<T>(IActorRef owner, object request, string what, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var gone = ProcessRuntime.Get().Owners.GoneToken(owner);
        if (gone.IsCancellationRequested)
        {
            throw Gone(owner, what);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(gone, cancellationToken);
        try
        {
            return await owner.Ask<T>(request, timeout, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (gone.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Gone(owner, what);
        }
    }

    /// <summary>
    /// The blocking form of <see cref="AskAsync{T}"/>. It blocks on the reply itself (no async continuation in
    /// between), so the reply wakes the caller's thread directly: one thread hop less per call.
    /// </summary>
    public static T Ask<T>(IActorRef owner, object request, string what, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var gone = ProcessRuntime.Get().Owners.GoneToken(owner);
        if (gone.IsCancellationRequested)
        {
            throw Gone(owner, what);
        }

        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(gone, cancellationToken) : null;
        try
        {
            return owner.Ask<T>(request, timeout, linked?.Token ?? gone).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (gone.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Gone(owner, what);
        }
    }

    /// <summary>Sends without waiting; nothing happens when the owner is gone (the next call will say so).</summary>
    public static void Tell(IActorRef owner, object message) => owner.Tell(message, ActorRefs.NoSender);

    /// <summary>The exception for a call on an object whose owner is gone.</summary>
    public static OwnerProcessGoneException Gone(IActorRef owner, string what) =>
        new($"The {what} is gone: the process that created it ({owner.Path.Address}) has ended or shut it down.");
}
