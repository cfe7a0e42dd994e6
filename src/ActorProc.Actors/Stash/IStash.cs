namespace ActorProc.Actors;

/// <summary>Set aside messages to process later (e.g. until initialization finished).</summary>
public interface IStash
{
    /// <summary>Stashes the message being processed.</summary>
    /// <exception cref="InvalidOperationException">The same message was stashed twice.</exception>
    void Stash();

    /// <summary>Puts the oldest stashed message back at the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts all stashed messages back at the front of the mailbox, in their original order.</summary>
    void UnstashAll();

    /// <summary>Drops all stashed messages and returns them.</summary>
    IReadOnlyList<object> ClearStash();

    /// <summary>Number of stashed messages.</summary>
    int Count { get; }
}
