using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using ActorProc.Actors;

namespace ActorProc.Hosting;

/// <summary>
/// The top-level actors of the hosted actor system, by key type (a DI singleton): register them in
/// <see cref="ActorProcBuilder.WithActors(Action{ActorSystem, ActorRegistry, IServiceProvider})"/> and get them
/// anywhere through dependency injection (<c>registry.Get&lt;OrderManager&gt;()</c>).
/// </summary>
public sealed class ActorRegistry
{
    private readonly ConcurrentDictionary<Type, IActorRef> _actors = new();

    /// <summary>Registers <paramref name="actor"/> under the key <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The key: usually the actor's type, or a marker type.</typeparam>
    /// <param name="actor">The actor.</param>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is null.</exception>
    /// <exception cref="InvalidOperationException">An actor is already registered under <typeparamref name="TKey"/>.</exception>
    public void Register<TKey>(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!_actors.TryAdd(typeof(TKey), actor))
        {
            throw new InvalidOperationException($"An actor is already registered under key {typeof(TKey).FullName} ({_actors[typeof(TKey)].Path}); cannot register {actor.Path}.");
        }
    }

    /// <summary>The actor registered under <typeparamref name="TKey"/>.</summary>
    /// <exception cref="KeyNotFoundException">No actor is registered under <typeparamref name="TKey"/>.</exception>
    public IActorRef Get<TKey>() =>
        _actors.TryGetValue(typeof(TKey), out var actor)
            ? actor
            : throw new KeyNotFoundException($"No actor is registered under key {typeof(TKey).FullName}; register it with ActorRegistry.Register<{typeof(TKey).Name}> in AddActorProc(...).WithActors.");

    /// <summary>The actor registered under <typeparamref name="TKey"/>, if any.</summary>
    /// <returns>True when one is registered.</returns>
    public bool TryGet<TKey>([NotNullWhen(true)] out IActorRef? actor) => _actors.TryGetValue(typeof(TKey), out actor);
}
