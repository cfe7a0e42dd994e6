namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>The state of a synchronization object in shared memory, as its handles and its owner use it.</summary>
internal interface ISyncCell
{
    /// <summary>The futex word's value: it moves on whenever the state may have changed for a sleeper.</summary>
    int Sequence { get; }

    /// <summary>Sleeps until <see cref="Sequence"/> differs from <paramref name="seen"/>, at most <paramref name="timeout"/>.</summary>
    void WaitForChange(int seen, TimeSpan timeout);

    /// <summary>Wakes every thread sleeping on the state, in every process, to look at it again.</summary>
    void WakeAll();
}
