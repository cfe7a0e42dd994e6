using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Managers;

/// <summary>
/// What a manager's server creates, in the manager process: a subclass names the kind (its type arguments included)
/// and its constructor arguments, and <see cref="Create"/> builds the object there. Handles (queues, locks, ...) are
/// created as in any process, so their owner actors live in the manager process; the server replies with the
/// handle, which is serializable like any handle. A new kind is a subclass and a line in <see cref="Manager"/>.
/// </summary>
internal abstract class ManagerCreation
{
    /// <summary>Builds the object in the manager process; what it returns is sent back to the caller.</summary>
    public abstract object Create();
}

/// <summary>The owner of a dictionary (<see cref="Manager.Dict{TKey, TValue}"/>, <see cref="Manager.Namespace()"/>): replies its ref.</summary>
internal sealed class CreateDictOwner : ManagerCreation
{
    public override object Create() => new StoreOwner(ProcessRuntime.Get(), "dict", new DictStore().Handle);
}

/// <summary>The owner of a list (<see cref="Manager.List{T}"/>): replies its ref.</summary>
internal sealed class CreateListOwner : ManagerCreation
{
    public override object Create() => new StoreOwner(ProcessRuntime.Get(), "list", new ListStore().Handle);
}

/// <summary>A <see cref="Queue{T}"/> owned by the manager process.</summary>
internal sealed class CreateQueue<T>(int maxsize) : ManagerCreation
{
    private readonly int _maxsize = maxsize;

    public override object Create() => new Queue<T>(_maxsize);
}

/// <summary>A <see cref="JoinableQueue{T}"/> owned by the manager process.</summary>
internal sealed class CreateJoinableQueue<T>(int maxsize) : ManagerCreation
{
    private readonly int _maxsize = maxsize;

    public override object Create() => new JoinableQueue<T>(_maxsize);
}

/// <summary>A <see cref="Multiprocessing.Lock"/> owned by the manager process.</summary>
internal sealed class CreateLock : ManagerCreation
{
    public override object Create() => new Lock();
}

/// <summary>An <see cref="Multiprocessing.RLock"/> owned by the manager process.</summary>
internal sealed class CreateRLock : ManagerCreation
{
    public override object Create() => new RLock();
}

/// <summary>An <see cref="Multiprocessing.Event"/> owned by the manager process.</summary>
internal sealed class CreateEvent : ManagerCreation
{
    public override object Create() => new Event();
}

/// <summary>A <see cref="Multiprocessing.Semaphore"/> (or <see cref="Multiprocessing.BoundedSemaphore"/>) owned by the manager process.</summary>
internal sealed class CreateSemaphore(int value, bool bounded) : ManagerCreation
{
    private readonly int _value = value;
    private readonly bool _bounded = bounded;

    public override object Create() => _bounded ? new BoundedSemaphore(_value) : new Semaphore(_value);
}

/// <summary>A <see cref="Multiprocessing.Condition"/> owned by the manager process (with a new <see cref="Multiprocessing.RLock"/> there when no lock is given).</summary>
internal sealed class CreateCondition(Lock? @lock) : ManagerCreation
{
    private readonly Lock? _lock = @lock;

    public override object Create() => new Condition(_lock);
}

/// <summary>A <see cref="Multiprocessing.Barrier"/> owned by the manager process.</summary>
internal sealed class CreateBarrier(int parties, TimeSpan? timeout) : ManagerCreation
{
    private readonly int _parties = parties;
    private readonly TimeSpan? _timeout = timeout;

    public override object Create() => new Barrier(_parties, _timeout);
}

/// <summary>A <see cref="SharedValue{T}"/> created by the manager process (shared memory on its host; by message from other hosts).</summary>
internal sealed class CreateValue<T>(T initial) : ManagerCreation
    where T : unmanaged
{
    private readonly T _initial = initial;

    public override object Create() => new SharedValue<T>(_initial);
}

/// <summary>A <see cref="SharedArray{T}"/> created by the manager process.</summary>
internal sealed class CreateArray<T>(int length) : ManagerCreation
    where T : unmanaged
{
    private readonly int _length = length;

    public override object Create() => new SharedArray<T>(_length);
}
