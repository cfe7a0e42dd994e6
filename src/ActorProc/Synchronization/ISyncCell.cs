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

/// <summary>A state type that can be viewed at an address (in a mapping of the object's memory).</summary>
/// <typeparam name="TSelf">The state type itself.</typeparam>
internal interface ISyncCell<TSelf> : ISyncCell
    where TSelf : class, ISyncCell<TSelf>
{
    /// <summary>The size of the state in 4-byte words.</summary>
    static abstract int Words { get; }

    /// <summary>A view of the state at <paramref name="data"/>.</summary>
    static abstract TSelf At(nint data);
}

/// <summary>An owner's core whose state is a <typeparamref name="TCell"/>.</summary>
/// <typeparam name="TCell">The state type.</typeparam>
internal interface ICellCore<out TCell>
    where TCell : class, ISyncCell
{
    /// <summary>The state.</summary>
    TCell Cell { get; }
}
