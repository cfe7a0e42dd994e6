using ActorProc.Multiprocessing.Shared;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// What a <see cref="Semaphore"/> or <see cref="Event"/> handle carries: the channel to its owner, and where its state
/// lies in shared memory (a segment of the creating process's <see cref="SyncArena"/> and the word offset in it). In
/// each process its first use resolves the state: the owner's own cell in the creating process, the mapped cell in a
/// process on the same host, none (every call by message) in a process that cannot map it.
/// </summary>
/// <typeparam name="TCell">The state type.</typeparam>
internal sealed class SyncCellHandle<TCell>
    where TCell : class, ISyncCell<TCell>
{
    private readonly SyncChannel _channel;
    private readonly SharedBlock? _block;
    private readonly int _offset;

    [NonSerialized]
    private SharedSyncState<TCell>? _state;

    [NonSerialized]
    private bool _resolved;

    private SyncCellHandle(SyncChannel channel, SharedBlock? block, int offset, TCell cell)
    {
        _channel = channel;
        _block = block;
        _offset = offset;
        _state = SharedSyncState<TCell>.ForOwner(cell);
        _resolved = true;
    }

    /// <summary>The channel to the owner.</summary>
    public SyncChannel Channel => _channel;

    /// <summary>
    /// A new object owned by this process: zeroed state from the arena, set up by <paramref name="initialize"/>, and the
    /// core made by <paramref name="core"/> over it, reachable by other processes as <paramref name="what"/>.
    /// </summary>
    public static SyncCellHandle<TCell> Create<TCore>(Action<nint> initialize, Func<TCell, TCore> core, string what)
        where TCore : SyncCore, ICellCore<TCell>
    {
        var (data, block, offset) = SyncArena.Allocate(TCell.Words);
        initialize(data);
        var owner = core(TCell.At(data));
        return new SyncCellHandle<TCell>(SyncChannel.Create(owner, what), block, offset, owner.Cell);
    }

    /// <summary>This process's direct access to the state; null when it calls by message.</summary>
    /// <exception cref="OwnerProcessGoneException">The owner is gone (found on the first use here).</exception>
    public SharedSyncState<TCell>? State
    {
        get
        {
            if (!Volatile.Read(ref _resolved))
            {
                _state = _channel.Local is ICellCore<TCell> core
                    ? SharedSyncState<TCell>.ForOwner(core.Cell)
                    : SharedSyncState<TCell>.Attach(_block, _offset, _channel);
                Volatile.Write(ref _resolved, true);
            }

            return _state;
        }
    }

    /// <summary>The pid this process's permits are counted under (0: not counted); meaningful once <see cref="State"/> resolved.</summary>
    public int Pid => _state?.Pid ?? 0;

    /// <summary>The state when this process uses it directly, after checking that the owner is still there; else null.</summary>
    /// <exception cref="OwnerProcessGoneException">The owner is gone.</exception>
    public TCell? Direct()
    {
        if (State is not { } state)
        {
            return null;
        }

        state.ThrowIfGone(_channel);
        return state.Cell;
    }

    /// <summary>
    /// Runs <paramref name="wait"/> (a static function: no allocation) on the state with this process's pid and the
    /// owner's end, turning that end while it sleeps into <see cref="OwnerProcessGoneException"/>.
    /// </summary>
    /// <exception cref="OwnerProcessGoneException">The owner is gone.</exception>
    public bool Wait(SharedSyncState<TCell> state, TimeSpan? timeout, Func<TCell, int, TimeSpan?, CancellationToken, bool> wait)
    {
        state.ThrowIfGone(_channel);
        try
        {
            return wait(state.Cell, state.Pid, timeout, state.Gone);
        }
        catch (OperationCanceledException) when (state.Gone.IsCancellationRequested)
        {
            throw Handles.OwnerCall.Gone(_channel.Owner, _channel.What);
        }
    }
}
