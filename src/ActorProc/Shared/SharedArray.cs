using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActorProc.Multiprocessing.Shared;

namespace ActorProc.Multiprocessing;

/// <summary>
/// A fixed-length array shared by processes, as Python's <c>multiprocessing.Array</c>: a handle that can be captured by
/// a <see cref="Process"/> target or sent in a message to any process, where it reads and writes the same elements.
/// </summary>
/// <remarks>
/// <para>On one host the elements live in shared memory (a file under <c>/dev/shm</c>, mode 0600, that every process
/// using the array maps): reading or writing an element costs no message and allocates nothing. Elements of 1, 2, 4 or
/// 8 bytes are read and written atomically (never torn); larger ones are plain copies. Guard compound updates, and
/// reads that must see several elements at one instant (<see cref="ToArray"/>), with <see cref="GetLock"/>.</para>
/// <para>A process that cannot map the segment (another host) reads and writes by message with the owner in the
/// creating process, which keeps the array as long as some process uses it. Keep the array referenced in the creating
/// process while you hand it out: a handle first used after every process has dropped the array throws
/// <see cref="OwnerProcessGoneException"/>, as does any use by message once the creating process has ended.</para>
/// </remarks>
/// <typeparam name="T">An unmanaged type: a primitive, an enum, or a struct of them.</typeparam>
public class SharedArray<T>
    where T : unmanaged
{
    private readonly SharedBlock _block;
    private readonly Lock _lock;
    private readonly int _length;

    // The first element's address in this process's mapping; 0 until the first use here, and for good when it works by message.
    [NonSerialized]
    private nint _data;

    /// <summary>Creates an array of <paramref name="length"/> zeroed elements in shared memory, owned by this process.</summary>
    /// <param name="length">The number of elements (0 or more).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    /// <exception cref="IOException">The shared memory could not be created (e.g. <c>/dev/shm</c> is full).</exception>
    public SharedArray(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _length = length;
        _block = SharedBlock.Create(Unsafe.SizeOf<T>(), length, "SharedArray");
        _data = _block.Attachment.Data;
        _lock = new Lock();
    }

    /// <summary>Creates an array in shared memory holding a copy of <paramref name="initial"/>, owned by this process.</summary>
    /// <param name="initial">The elements.</param>
    /// <exception cref="ArgumentNullException"><paramref name="initial"/> is null.</exception>
    /// <exception cref="IOException">The shared memory could not be created (e.g. <c>/dev/shm</c> is full).</exception>
    public SharedArray(T[] initial)
        : this((initial ?? throw new ArgumentNullException(nameof(initial), "The initial elements of a SharedArray must not be null.")).Length)
    {
        initial.AsSpan().CopyTo(Elements());
        GC.KeepAlive(this);
    }

    /// <summary>The number of elements.</summary>
    public int Length => _length;

    /// <summary>The element at <paramref name="i"/>; every process holding a handle reads and writes the same elements.</summary>
    /// <param name="i">The index, from 0 to <see cref="Length"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="i"/> is negative or not below <see cref="Length"/>.</exception>
    /// <exception cref="OwnerProcessGoneException">This process works by message and the array's owner is gone.</exception>
    public T this[int i]
    {
        get
        {
            if ((uint)i >= (uint)_length)
            {
                ThrowIndex(i);
            }

            nint data = _data;
            if (data != 0)
            {
                T value = SharedMemoryAccess.Read<T>(data + ((nint)i * Unsafe.SizeOf<T>()));
                GC.KeepAlive(this);   // the mapping lives as long as this handle
                return value;
            }

            return GetSlow(i);
        }

        set
        {
            if ((uint)i >= (uint)_length)
            {
                ThrowIndex(i);
            }

            nint data = _data;
            if (data != 0)
            {
                SharedMemoryAccess.Write(data + ((nint)i * Unsafe.SizeOf<T>()), value);
                GC.KeepAlive(this);
                return;
            }

            SetSlow(i, value);
        }
    }

    /// <summary>A copy of all elements (as Python's <c>arr[:]</c>); not one instant unless other writers hold <see cref="GetLock"/> too.</summary>
    /// <returns>A new array with the elements.</returns>
    /// <exception cref="OwnerProcessGoneException">This process works by message and the array's owner is gone.</exception>
    public T[] ToArray()
    {
        if (_data != 0 || Map() != 0)
        {
            var copy = Elements().ToArray();
            GC.KeepAlive(this);
            return copy;
        }

        var result = new T[_length];
        _block.ReadByMessage(0, _length, MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }

    /// <summary>The segment and its attachment in this process (diagnostics and tests).</summary>
    internal SharedBlock Block => _block;

    /// <summary>The lock created with the array, for compound updates: <c>using (a.GetLock().Hold()) a[0] += 1;</c>.</summary>
    /// <returns>The array's lock (the same in every process).</returns>
    public Lock GetLock() => _lock;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowIndex(int i) =>
        throw new ArgumentOutOfRangeException(nameof(i), i, $"Index {i} is outside the SharedArray (valid indices are 0 to its Length - 1).");

    private unsafe Span<T> Elements() => new((void*)_data, _length);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private T GetSlow(int i)
    {
        if (Map() is var data and not 0)
        {
            T value = SharedMemoryAccess.Read<T>(data + ((nint)i * Unsafe.SizeOf<T>()));
            GC.KeepAlive(this);
            return value;
        }

        T result = default;
        _block.ReadByMessage(i, 1, MemoryMarshal.AsBytes(new Span<T>(ref result)));
        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetSlow(int i, T value)
    {
        if (Map() is var data and not 0)
        {
            SharedMemoryAccess.Write(data + ((nint)i * Unsafe.SizeOf<T>()), value);
            GC.KeepAlive(this);
            return;
        }

        _block.WriteByMessage(i, MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));
    }

    // Attaches this handle in this process: the address of the first element when mapped, else 0 (by message).
    private nint Map()
    {
        nint data = _block.Attachment.Data;
        _data = data;
        return data;
    }
}
