namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// For a core whose state is in shared memory: while callers wait in the core (asynchronous waits, callers by message),
/// a thread sleeps on the state's futex word and lets the core serve them whenever it changes, since processes change
/// the state directly without telling the owner. The thread ends once nobody waits.
/// </summary>
internal sealed class CellPump
{
    // The thread also looks this often without a change, so that it ends soon after the last waiter timed out or left.
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(100);

    private readonly ISyncCell _cell;
    private readonly object _gate;
    private readonly Func<bool> _serve;
    private readonly string _name;
    private bool _running;

    /// <summary>A pump over <paramref name="cell"/>; <paramref name="serve"/> runs under <paramref name="gate"/> and returns whether callers still wait.</summary>
    public CellPump(ISyncCell cell, object gate, Func<bool> serve, string name)
    {
        _cell = cell;
        _gate = gate;
        _serve = serve;
        _name = name;
    }

    /// <summary>Starts the thread unless it runs; call under the gate, after queuing a waiter.</summary>
    public void Start()
    {
        if (_running)
        {
            return;
        }

        _running = true;
        new Thread(Run) { IsBackground = true, Name = _name }.Start();
    }

    private void Run()
    {
        while (true)
        {
            int seen = _cell.Sequence;
            lock (_gate)
            {
                if (!_serve())
                {
                    _running = false;
                    return;
                }
            }

            _cell.WaitForChange(seen, Recheck);
        }
    }
}
