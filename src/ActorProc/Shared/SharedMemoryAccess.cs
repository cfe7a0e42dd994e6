using System.Runtime.CompilerServices;

namespace ActorProc.Multiprocessing.Shared;

/// <summary>
/// Reads and writes of shared memory. A value of 1, 2, 4 or 8 bytes (which the segment layout always aligns
/// naturally) is read and written as one volatile access, so no process ever sees half of a write; a larger value is
/// a plain copy, as Python's ctypes values are (compound or consistent updates take the value's lock).
/// </summary>
internal static unsafe class SharedMemoryAccess
{
    /// <summary>Reads the <typeparamref name="T"/> at <paramref name="address"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Read<T>(nint address)
        where T : unmanaged
    {
        // sizeof(T) is a constant for the JIT: only one branch remains.
        if (sizeof(T) == 8)
        {
            long value = Volatile.Read(ref *(long*)address);
            return Unsafe.As<long, T>(ref value);
        }

        if (sizeof(T) == 4)
        {
            int value = Volatile.Read(ref *(int*)address);
            return Unsafe.As<int, T>(ref value);
        }

        if (sizeof(T) == 2)
        {
            short value = Volatile.Read(ref *(short*)address);
            return Unsafe.As<short, T>(ref value);
        }

        if (sizeof(T) == 1)
        {
            byte value = Volatile.Read(ref *(byte*)address);
            return Unsafe.As<byte, T>(ref value);
        }

        return Unsafe.Read<T>((void*)address);
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="address"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<T>(nint address, T value)
        where T : unmanaged
    {
        if (sizeof(T) == 8)
        {
            Volatile.Write(ref *(long*)address, Unsafe.As<T, long>(ref value));
        }
        else if (sizeof(T) == 4)
        {
            Volatile.Write(ref *(int*)address, Unsafe.As<T, int>(ref value));
        }
        else if (sizeof(T) == 2)
        {
            Volatile.Write(ref *(short*)address, Unsafe.As<T, short>(ref value));
        }
        else if (sizeof(T) == 1)
        {
            Volatile.Write(ref *(byte*)address, Unsafe.As<T, byte>(ref value));
        }
        else
        {
            Unsafe.Write((void*)address, value);
        }
    }

    /// <summary>
    /// Copies <paramref name="count"/> elements of <paramref name="elementSize"/> bytes from <paramref name="address"/>
    /// into <paramref name="destination"/>, each with the same atomicity as <see cref="Read{T}"/> (for the owner, which serves
    /// processes that cannot map the segment and does not know the element type).
    /// </summary>
    public static void ReadElements(nint address, int elementSize, int count, Span<byte> destination)
    {
        fixed (byte* to = destination)
        {
            for (int i = 0; i < count; i++)
            {
                nint from = address + (i * (nint)elementSize);
                byte* into = to + (i * (nint)elementSize);
                switch (elementSize)
                {
                    case 8:
                        Unsafe.WriteUnaligned(into, Read<long>(from));
                        break;
                    case 4:
                        Unsafe.WriteUnaligned(into, Read<int>(from));
                        break;
                    case 2:
                        Unsafe.WriteUnaligned(into, Read<short>(from));
                        break;
                    case 1:
                        *into = Read<byte>(from);
                        break;
                    default:
                        Buffer.MemoryCopy((void*)from, into, elementSize, elementSize);
                        break;
                }
            }
        }
    }

    /// <summary>The reverse of <see cref="ReadElements"/>: writes whole elements from <paramref name="source"/>.</summary>
    public static void WriteElements(nint address, int elementSize, ReadOnlySpan<byte> source)
    {
        int count = source.Length / elementSize;
        fixed (byte* from = source)
        {
            for (int i = 0; i < count; i++)
            {
                nint into = address + (i * (nint)elementSize);
                byte* element = from + (i * (nint)elementSize);
                switch (elementSize)
                {
                    case 8:
                        Write(into, Unsafe.ReadUnaligned<long>(element));
                        break;
                    case 4:
                        Write(into, Unsafe.ReadUnaligned<int>(element));
                        break;
                    case 2:
                        Write(into, Unsafe.ReadUnaligned<short>(element));
                        break;
                    case 1:
                        Write(into, *element);
                        break;
                    default:
                        Buffer.MemoryCopy(element, (void*)into, elementSize, elementSize);
                        break;
                }
            }
        }
    }
}
