using ActorProc.Actors.Dispatch;

namespace ActorProc.Actors;

/// <summary>The stash of one actor, an unbounded list of envelopes (touched only by the actor's own thread).</summary>
internal sealed class ActorStash(ActorCell cell) : IStash
{
    private readonly LinkedList<Envelope> _stashed = new();
    private long _lastStashedInvocation = -1;

    public int Count => _stashed.Count;

    public void Stash()
    {
        var current = cell.CurrentEnvelope;
        if (current.Message is null)
        {
            throw new InvalidOperationException("There is no current message to stash.");
        }

        // The same delivery must not be stashed twice; the same message instance delivered twice may be.
        if (_stashed.Count > 0 && _lastStashedInvocation == cell.InvocationCount)
        {
            throw new InvalidOperationException($"The message {current.Message} is already stashed; a message can be stashed only once.");
        }

        _stashed.AddLast(current);
        _lastStashedInvocation = cell.InvocationCount;
    }

    public void Unstash()
    {
        if (_stashed.First is { } first)
        {
            _stashed.RemoveFirst();
            cell.Mailbox.Prepend([first.Value]);
        }
    }

    public void UnstashAll()
    {
        if (_stashed.Count == 0)
        {
            return;
        }

        cell.Mailbox.Prepend(_stashed.ToArray());
        _stashed.Clear();
    }

    public IReadOnlyList<object> ClearStash()
    {
        var messages = _stashed.Select(e => e.Message).ToArray();
        _stashed.Clear();
        return messages;
    }

    /// <summary>Sends stashed messages to dead letters (the actor stopped).</summary>
    public void DeadLetterAll()
    {
        foreach (var envelope in _stashed)
        {
            cell.DeadLetter(envelope);
        }

        _stashed.Clear();
    }
}
