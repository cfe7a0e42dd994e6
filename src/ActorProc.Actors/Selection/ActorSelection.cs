using System.Text.RegularExpressions;

namespace ActorProc.Actors;

/// <summary>
/// A set of actors picked by a path that may hold wildcards (<c>*</c>, <c>?</c>) and <c>..</c>, relative to an
/// anchor. A message told to a selection goes to every actor that matches when it is delivered; an
/// <see cref="Identify"/> that matches nothing is answered with an empty <see cref="ActorIdentity"/>.
/// </summary>
public sealed class ActorSelection
{
    private readonly ActorSystem _system;
    private readonly string[] _elements;

    internal ActorSelection(ActorSystem system, IActorRef anchor, string[] elements)
    {
        _system = system;
        Anchor = anchor;
        _elements = elements;
    }

    /// <summary>The actor the path is relative to.</summary>
    public IActorRef Anchor { get; }

    /// <summary>The path below the anchor, e.g. <c>user/workers/*</c>.</summary>
    public string PathString => string.Join('/', _elements);

    /// <summary>Sends a message to every matching actor.</summary>
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        sender ??= ActorCell.Current?.SelfRef;
        var matches = Match();
        if (matches.Count == 0)
        {
            if (message is Identify identify)
            {
                sender?.Tell(new ActorIdentity(identify.MessageId, null), _system.DeadLetters);
            }
            else
            {
                _system.DeadLetters.Tell(new DeadLetter(message, sender, Anchor), sender);
            }

            return;
        }

        foreach (var target in matches)
        {
            target.Tell(message, sender);
        }
    }

    /// <summary>Resolves the selection to one actor by sending it <see cref="Identify"/>.</summary>
    /// <exception cref="ActorNotFoundException">No actor answered (thrown by the task).</exception>
    public async Task<IActorRef> ResolveOne(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var promise = new PromiseActorRef<ActorIdentity>(_system.Provider.Temp, Anchor);
        promise.Start(timeout, cancellationToken);
        Tell(new Identify(null), promise);
        ActorIdentity identity;
        try
        {
            identity = await promise.Task.ConfigureAwait(false);
        }
        catch (AskTimeoutException e)
        {
            throw new ActorNotFoundException($"No actor found for selection {this} within {timeout}.", e);
        }

        return identity.Subject ?? throw new ActorNotFoundException($"No actor found for selection {this}.");
    }

    /// <summary>The matching refs right now (local actors only).</summary>
    internal List<IActorRef> Match()
    {
        var results = new List<IActorRef>();
        if (Anchor is not InternalActorRef anchor)
        {
            return results;
        }

        if (!anchor.IsLocal)
        {
            // A remote anchor resolves the rest on its own system.
            results.Add(_elements.Length == 0 ? anchor : _system.Provider.ResolveActorRef(anchor.Path / PathString));
            return results;
        }

        Collect(anchor, 0, results);
        return results;
    }

    private void Collect(InternalActorRef current, int index, List<IActorRef> results)
    {
        if (index == _elements.Length)
        {
            if (current is not InternalActorRef { IsTerminated: true })
            {
                results.Add(current);
            }

            return;
        }

        var element = _elements[index];
        if (element == "..")
        {
            if (current.Parent is { } parent)
            {
                Collect(parent, index + 1, results);
            }

            return;
        }

        if (element.Contains('*') || element.Contains('?'))
        {
            if (current is LocalActorRef local)
            {
                var pattern = new Regex("^" + Regex.Escape(element).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.CultureInvariant);
                foreach (var child in local.Cell.Children.Children)
                {
                    if (pattern.IsMatch(child.Path.Name))
                    {
                        Collect(child, index + 1, results);
                    }
                }
            }

            return;
        }

        var next = current.Path.Depth == 0 ? _system.Provider.Walk([element]) : current.GetChild(element);
        if (next is not null)
        {
            Collect(next, index + 1, results);
        }
    }

    internal static ActorSelection Parse(ActorSystem system, IActorRef relativeTo, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.Contains("://", StringComparison.Ordinal))
        {
            if (!ActorPath.TryParse(path.Split('#')[0].Replace("*", "_wc_").Replace("?", "_q_"), out var parsed))
            {
                throw new FormatException($"'{path}' is not a valid actor selection path.");
            }

            var elements = parsed.Elements.Select(e => e.Replace("_wc_", "*").Replace("_q_", "?")).ToArray();
            var root = system.Provider.IsLocal(parsed.Address) ? system.Provider.RootGuardian : system.Provider.ResolveActorRef(parsed.Root);
            return new ActorSelection(system, root, elements);
        }

        if (path.StartsWith('/'))
        {
            return new ActorSelection(system, system.Provider.RootGuardian, path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        }

        return new ActorSelection(system, relativeTo, path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(e => e != ".").ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSelection[Anchor({Anchor.Path}), Path(/{PathString})]";
}
