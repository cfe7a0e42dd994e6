namespace ActorProc.Remote.Transport;

/// <summary>
/// Test-only fault controller. Put it in <see cref="TransportOptions.FaultInjector"/>; it then acts on
/// the outgoing side of every connection created with those options (client or listener side).
/// Settings may be changed at any time and take effect from the next outgoing batch.
/// </summary>
/// <remarks>
/// Drop counters and the seeded random sequence are shared by all attached connections, so use one
/// injector per connection when a test needs an exact drop pattern.
/// </remarks>
public sealed class FaultInjector
{
    private const int ModeNone = 0;
    private const int ModeAll = 1;
    private const int ModeEveryNth = 2;
    private const int ModeProbability = 3;

    private readonly object _gate = new();
    private readonly HashSet<IFaultTarget> _targets = [];
    private int _mode;
    private int _nth;
    private long _counter;
    private double _probability;
    private Random? _random;
    private long _delayTicks;
    private long _dropped;

    /// <summary>Creates an injector.</summary>
    /// <param name="timeProvider">Clock used for <see cref="DelayOutgoing"/>; <see cref="TimeProvider.System"/> by default.</param>
    public FaultInjector(TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The clock used to delay outgoing frames.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Outgoing frames dropped so far.</summary>
    public long FramesDropped => Interlocked.Read(ref _dropped);

    /// <summary>The delay applied before each outgoing batch is written; zero when off.</summary>
    public TimeSpan OutgoingDelay => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));

    /// <summary>Number of live connections currently attached.</summary>
    public int AttachedConnections
    {
        get
        {
            lock (_gate)
            {
                return _targets.Count;
            }
        }
    }

    /// <summary>Drops every outgoing frame.</summary>
    public void DropAll() => Volatile.Write(ref _mode, ModeAll);

    /// <summary>Drops the n-th, 2n-th, 3n-th... outgoing frame, counting from now.</summary>
    /// <param name="n">The period, at least 1 (1 drops everything).</param>
    public void DropEveryNth(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        Interlocked.Exchange(ref _counter, 0);
        Volatile.Write(ref _nth, n);
        Volatile.Write(ref _mode, ModeEveryNth);
    }

    /// <summary>
    /// Drops each outgoing frame with the given probability, using <c>new Random(seed).NextDouble() &lt; probability</c>
    /// per frame, so a run is reproducible.
    /// </summary>
    /// <param name="probability">Between 0 and 1.</param>
    /// <param name="seed">Seed of the random sequence.</param>
    public void DropWithProbability(double probability, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1.0);
        lock (_gate)
        {
            _random = new Random(seed);
            _probability = probability;
        }

        Volatile.Write(ref _mode, ModeProbability);
    }

    /// <summary>Stops dropping frames.</summary>
    public void StopDropping() => Volatile.Write(ref _mode, ModeNone);

    /// <summary>Delays every outgoing batch by <paramref name="delay"/>; <see cref="TimeSpan.Zero"/> turns it off.</summary>
    /// <param name="delay">The delay.</param>
    public void DelayOutgoing(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Interlocked.Exchange(ref _delayTicks, delay.Ticks);
    }

    /// <summary>Turns off dropping and delaying.</summary>
    public void Reset()
    {
        StopDropping();
        DelayOutgoing(TimeSpan.Zero);
    }

    /// <summary>Disconnects every attached connection now, with <see cref="DisconnectReason.FaultInjected"/>.</summary>
    /// <returns>The number of connections disconnected.</returns>
    public int DisconnectNow()
    {
        IFaultTarget[] targets;
        lock (_gate)
        {
            targets = [.. _targets];
        }

        foreach (IFaultTarget target in targets)
        {
            target.InjectDisconnect();
        }

        return targets.Length;
    }

    internal bool ShouldDropOutgoing()
    {
        bool drop;
        switch (Volatile.Read(ref _mode))
        {
            case ModeNone:
                return false;
            case ModeAll:
                drop = true;
                break;
            case ModeEveryNth:
                drop = Interlocked.Increment(ref _counter) % Volatile.Read(ref _nth) == 0;
                break;
            default:
                lock (_gate)
                {
                    drop = _random!.NextDouble() < _probability;
                }

                break;
        }

        if (drop)
        {
            Interlocked.Increment(ref _dropped);
        }

        return drop;
    }

    internal void Attach(IFaultTarget target)
    {
        lock (_gate)
        {
            _targets.Add(target);
        }
    }

    internal void Detach(IFaultTarget target)
    {
        lock (_gate)
        {
            _targets.Remove(target);
        }
    }
}
