using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorProc.Multiprocessing.Shared;

namespace ActorProc.Multiprocessing;

/// <summary>
/// A value shared by processes, as Python's <c>multiprocessing.Value</c>: a handle that can be captured by a
/// <see cref="Process"/> target or sent in a message to any process, where it reads and writes the same value.
/// </summary>
/// <remarks>
/// <para>On one host the value lives in shared memory (a file under <c>/dev/shm</c>, mode 0600, that every process
/// using it maps): reading or writing <see cref="Value"/> costs no message and allocates nothing. A
/// <typeparamref name="T"/> of 1, 2, 4 or 8 bytes is read and written atomically (never torn); a larger one is a plain
/// copy. A compound update such as <c>v.Value += 1</c> is a read and then a write: guard it with
/// <see cref="GetLock"/>.</para>
/// <para>A process that cannot map the segment (another host) reads and writes by message with the owner in the
/// creating process, which keeps the value as long as some process uses it. Keep the value referenced in the creating
/// process while you hand it out: a handle first used after every process has dropped the value throws
/// <see cref="OwnerProcessGoneException"/>, as does any use by message once the creating process has ended.</para>
/// </remarks>
/// <typeparam name="T">An unmanaged type: a primitive, an enum, or a struct of them.</typeparam>
public class SharedValue<T>
    where T : unmanaged
{
    private readonly SharedBlock _block;
    private readonly Lock? _lock;

    // The value's address in this process's mapping; 0 until the first use here, and for good when it works by message.
    [NonSerialized]
    private nint _data;

    /// <summary>Creates a value in shared memory, owned by this process.</summary>
    /// <param name="initial">The initial value.</param>
    /// <param name="lock">Whether to create the <see cref="Lock"/> that <see cref="GetLock"/> returns (as Python's <c>lock=True</c>).</param>
    /// <exception cref="IOException">The shared memory could not be created (e.g. <c>/dev/shm</c> is full).</exception>
    public SharedValue(T initial = default, bool @lock = true)
    {
        _block = SharedBlock.Create(Unsafe.SizeOf<T>(), 1, "SharedValue");
        _data = _block.Attachment.Data;
        SharedMemoryAccess.Write(_data, initial);
        _lock = @lock ? new Lock() : null;
    }

    /// <summary>The value; every process holding a handle reads and writes the same one.</summary>
    /// <exception cref="OwnerProcessGoneException">This process works by message and the value's owner is gone.</exception>
    public T Value
    {
        get
        {
            nint data = _data;
            if (data != 0)
            {
                T value = SharedMemoryAccess.Read<T>(data);
                GC.KeepAlive(this);   // the mapping lives as long as this handle
                return value;
            }

            return GetSlow();
        }

        set
        {
            nint data = _data;
            if (data != 0)
            {
                SharedMemoryAccess.Write(data, value);
                GC.KeepAlive(this);
                return;
            }

            SetSlow(value);
        }
    }

    /// <summary>The segment and its attachment in this process (diagnostics and tests).</summary>
    internal SharedBlock Block => _block;

    /// <summary>The lock created with the value, for compound updates: <c>using (v.GetLock().Hold()) v.Value += 1;</c>.</summary>
    /// <returns>The value's lock (the same in every process).</returns>
    /// <exception cref="InvalidOperationException">The value was created with <c>lock: false</c>.</exception>
    public Lock GetLock() =>
        _lock ?? throw new InvalidOperationException(
            "This SharedValue was created with lock: false and has no lock (Python raises AttributeError for get_lock() here); create it with lock: true, or guard it with a Lock of your own.");

    /// <summary>The value as text.</summary>
    /// <returns>The text of <see cref="Value"/>.</returns>
    public override string ToString() => Value.ToString() ?? "";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private T GetSlow()
    {
        if (Map() is var data and not 0)
        {
            T value = SharedMemoryAccess.Read<T>(data);
            GC.KeepAlive(this);
            return value;
        }

        T result = default;
        _block.ReadByMessage(0, 1, MemoryMarshal.AsBytes(new Span<T>(ref result)));
        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetSlow(T value)
    {
        if (Map() is var data and not 0)
        {
            SharedMemoryAccess.Write(data, value);
            GC.KeepAlive(this);
            return;
        }

        _block.WriteByMessage(0, MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));
    }

    // Attaches this handle in this process: the address of the value when mapped, else 0 (by message).
    private nint Map()
    {
        nint data = _block.Attachment.Data;
        _data = data;
        return data;
    }
}
