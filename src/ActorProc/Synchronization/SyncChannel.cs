using ActorProc.Actors;
using ActorProc.Multiprocessing.Handles;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// What a synchronization handle holds: the owner actor of its object and the object's id. This is all that
/// crosses a process. In the process that created the object the handle reaches the <see cref="SyncCore"/>
/// directly (no message); elsewhere each call is a request to the owner, which fails fast with
/// <see cref="OwnerProcessGoneException"/> once the owner's process is gone.
/// </summary>
internal sealed class SyncChannel
{
    private readonly IActorRef _owner;
    private readonly long _id;
    private readonly string _what;

    [NonSerialized]
    private SyncCore? _core;

    [NonSerialized]
    private bool _looked;

    private SyncChannel(IActorRef owner, long id, string what, SyncCore core)
    {
        _owner = owner;
        _id = id;
        _what = what;
        _core = core;
        _looked = true;
    }

    /// <summary>What the object is, for messages ("Lock", "Semaphore", ...).</summary>
    public string What => _what;

    /// <summary>The object's owner (its <see cref="SyncFront"/>).</summary>
    public IActorRef Owner => _owner;

    /// <summary>The core when this process owns the object; null in other processes.</summary>
    public SyncCore? Local
    {
        get
        {
            if (!_looked)
            {
                _core = LocalSyncCores.Find(_id);
                _looked = true;
            }

            return _core;
        }
    }

    /// <summary>Creates the object's owner actor in this process around <paramref name="core"/>.</summary>
    public static SyncChannel Create(SyncCore core, string what)
    {
        long id = LocalSyncCores.Register(core);
        return new SyncChannel(SyncFront.Create(core), id, what, core);
    }

    /// <summary>Runs an operation and waits for its result code (not yet checked for failures).</summary>
    public int Call(SyncOp op, TimeSpan? timeout = null, int arg = 0, long key = 0, int threadId = 0)
    {
        timeout = CheckTimeout(timeout);
        threadId = threadId == 0 ? Environment.CurrentManagedThreadId : threadId;
        if (Local is { } core)
        {
            var local = core.Invoke(new SyncCall(new SyncCaller(null, threadId), op, arg, key, timeout), CancellationToken.None);
            return local.IsCompleted ? local.Result : local.AsTask().GetAwaiter().GetResult();
        }

        return OwnerCall.Ask<int>(_owner, new SyncRequest(NewId(), op, threadId, arg, key, Ticks(timeout)), _what);
    }

    /// <summary>
    /// Runs an operation that cannot fail or wait without waiting for the owner: locally on the core, elsewhere as
    /// a one-way request (this process's later calls on the object arrive after it, in order).
    /// </summary>
    /// <exception cref="OwnerProcessGoneException">The owner is known to be gone.</exception>
    public void Post(SyncOp op)
    {
        int threadId = Environment.CurrentManagedThreadId;
        if (Local is { } core)
        {
            var local = core.Invoke(new SyncCall(new SyncCaller(null, threadId), op, 0, 0, null), CancellationToken.None);
            SyncResult.Check(local.IsCompleted ? local.Result : local.AsTask().GetAwaiter().GetResult(), _what);
            return;
        }

        var runtime = ProcessRuntime.Get();
        if (runtime.Owners.GoneToken(_owner).IsCancellationRequested)
        {
            throw OwnerCall.Gone(_owner, _what);
        }

        // The sender is this process's /system/processes: it tells the owner which process calls (for crash safety).
        _owner.Tell(new SyncRequest(NewId(), op, threadId, 0, 0, -1, OneWay: true), runtime.Processes);
    }

    /// <summary>Runs an operation; the result code is not yet checked for failures (<see cref="SyncResult.Cancelled"/> included).</summary>
    public ValueTask<int> CallAsync(SyncOp op, TimeSpan? timeout, CancellationToken cancellationToken, int arg = 0, long key = 0)
    {
        timeout = CheckTimeout(timeout);
        int threadId = Environment.CurrentManagedThreadId;
        if (Local is { } core)
        {
            return core.Invoke(new SyncCall(new SyncCaller(null, threadId), op, arg, key, timeout), cancellationToken);
        }

        return AskAsync(new SyncRequest(NewId(), op, threadId, arg, key, Ticks(timeout)), cancellationToken);
    }

    /// <summary>Runs an operation and waits for its result code; failures throw (<see cref="SyncResult.Check"/>).</summary>
    public int CallChecked(SyncOp op, TimeSpan? timeout = null, int arg = 0, long key = 0, int threadId = 0) =>
        SyncResult.Check(Call(op, timeout, arg, key, threadId), _what);

    /// <summary>Runs an operation; failures (cancellation included) throw (<see cref="SyncResult.Check"/>).</summary>
    public async ValueTask<int> CallCheckedAsync(SyncOp op, TimeSpan? timeout, CancellationToken cancellationToken, int arg = 0, long key = 0) =>
        SyncResult.Check(await CallAsync(op, timeout, cancellationToken, arg, key).ConfigureAwait(false), _what, cancellationToken);

    /// <summary>The timeout as the cores take it (null without limit); a negative one throws.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative timeout other than <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public static TimeSpan? CheckTimeout(TimeSpan? timeout)
    {
        if (timeout is not { } t || t == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        return t >= TimeSpan.Zero ? t : throw new ArgumentOutOfRangeException(nameof(timeout), t, "A timeout must not be negative (null waits without limit).");
    }

    private static long Ticks(TimeSpan? timeout) => timeout is { } t ? t.Ticks : -1;

    private static long NewId() => Random.Shared.NextInt64();

    private async ValueTask<int> AskAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // The owner decides (timeout included) and always answers once: a cancellation asks it to stop waiting,
        // and the answer says whether the call completed first (then it stands) or was cancelled.
        using var registration = cancellationToken.UnsafeRegister(
            static s =>
            {
                var (owner, id) = ((IActorRef, long))s!;
                OwnerCall.Tell(owner, new SyncCancel(id));
            },
            (_owner, request.Id));
        return await OwnerCall.AskAsync<int>(_owner, request, _what).ConfigureAwait(false);
    }
}
