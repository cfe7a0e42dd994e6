using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using ActorProc.Serialization.Codecs;

namespace ActorProc.Serialization.Reading;

/// <summary>
/// Reads one message from a byte array. Every read is bounds-checked and every length is
/// validated against the remaining bytes before anything is allocated. Instances are reused per thread.
/// </summary>
internal sealed partial class ObjectReader
{
    private byte[] _buffer = Array.Empty<byte>();
    private int _pos;
    private int _end;

    public ObjectReader(CodecRegistry registry)
    {
        Registry = registry;
    }

    /// <summary>The codec registry of the serializer that owns this reader.</summary>
    public CodecRegistry Registry { get; private set; }

    /// <summary>Caller state handed to surrogates.</summary>
    public object? State { get; private set; }

    /// <summary>Bytes left to read.</summary>
    public int Remaining => _end - _pos;

    /// <summary>Starts reading a message.</summary>
    public void Reset(CodecRegistry registry, byte[] buffer, int offset, int count, object? state)
    {
        Registry = registry;
        State = state;
        _buffer = buffer;
        _pos = offset;
        _end = offset + count;
        ResetTables();
    }

    /// <summary>Drops references to the message and state so the pooled reader does not keep them alive.</summary>
    public void Release()
    {
        _buffer = Array.Empty<byte>();
        _pos = _end = 0;
        State = null;
        ResetTables();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static SerializationException Truncated() => new("The data is truncated or malformed: unexpected end of data.");

    public static SerializationException Malformed(string what) => new("The data is malformed: " + what + ".");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int count)
    {
        if ((uint)count > (uint)(_end - _pos))
        {
            throw Truncated();
        }

        var span = new ReadOnlySpan<byte>(_buffer, _pos, count);
        _pos += count;
        return span;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte()
    {
        if (_pos >= _end)
        {
            throw Truncated();
        }

        return _buffer[_pos++];
    }

    public bool ReadBoolean() => ReadByte() != 0;

    public sbyte ReadSByte() => (sbyte)ReadByte();

    public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public char ReadChar() => (char)ReadUInt16();

    public int ReadInt32()
    {
        uint raw = ReadVarUInt32();
        return (int)(raw >> 1) ^ -(int)(raw & 1);
    }

    public uint ReadUInt32() => ReadVarUInt32();

    public long ReadInt64()
    {
        ulong raw = ReadVarUInt64();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    public ulong ReadUInt64() => ReadVarUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadVarUInt32()
    {
        if (_pos < _end && _buffer[_pos] < 0x80)
        {
            return _buffer[_pos++];
        }

        ulong value = ReadVarUInt64();
        if (value > uint.MaxValue)
        {
            throw Malformed("varint overflow");
        }

        return (uint)value;
    }

    public ulong ReadVarUInt64()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 63 && b > 1)
            {
                throw Malformed("varint overflow");
            }

            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw Malformed("varint too long");
    }

    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public Half ReadHalf() => BinaryPrimitives.ReadHalfLittleEndian(Take(2));

    public Int128 ReadInt128() => BinaryPrimitives.ReadInt128LittleEndian(Take(16));

    public UInt128 ReadUInt128() => BinaryPrimitives.ReadUInt128LittleEndian(Take(16));

    public decimal ReadDecimal()
    {
        var span = Take(16);
        Span<int> bits = stackalloc int[4];
        for (int i = 0; i < 4; i++)
        {
            bits[i] = BinaryPrimitives.ReadInt32LittleEndian(span.Slice(i * 4));
        }

        // Validate like the decimal constructor would, but with our exception type.
        int flags = bits[3];
        if ((flags & 0x7F00FFFF) != 0 || ((flags >> 16) & 0xFF) > 28)
        {
            throw Malformed("invalid decimal");
        }

        return new decimal(bits);
    }

    public DateTime ReadDateTime()
    {
        ulong raw = BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
        long ticks = (long)(raw & 0x3FFFFFFFFFFFFFFFUL);
        int kind = (int)(raw >> 62);
        if (ticks > DateTime.MaxValue.Ticks || kind > 2)
        {
            throw Malformed("invalid DateTime");
        }

        return new DateTime(ticks, (DateTimeKind)kind);
    }

    public DateTimeOffset ReadDateTimeOffset()
    {
        long ticks = ReadInt64();
        int minutes = ReadInt32();
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks || minutes < -14 * 60 || minutes > 14 * 60)
        {
            throw Malformed("invalid DateTimeOffset");
        }

        var offset = TimeSpan.FromMinutes(minutes);
        long utc = ticks - offset.Ticks;
        if (utc < 0 || utc > DateTime.MaxValue.Ticks)
        {
            throw Malformed("invalid DateTimeOffset");
        }

        return new DateTimeOffset(ticks, offset);
    }

    public TimeSpan ReadTimeSpan() => new(ReadInt64());

    public DateOnly ReadDateOnly()
    {
        int day = ReadInt32();
        if (day < 0 || day > DateOnly.MaxValue.DayNumber)
        {
            throw Malformed("invalid DateOnly");
        }

        return DateOnly.FromDayNumber(day);
    }

    public TimeOnly ReadTimeOnly()
    {
        long ticks = ReadInt64();
        if (ticks < 0 || ticks > TimeOnly.MaxValue.Ticks)
        {
            throw Malformed("invalid TimeOnly");
        }

        return new TimeOnly(ticks);
    }

    public Guid ReadGuid() => new(Take(16));

    public string? ReadString()
    {
        uint prefix = ReadVarUInt32();
        if (prefix == 0)
        {
            return null;
        }

        return Encoding.UTF8.GetString(Take((int)Math.Min(prefix - 1, int.MaxValue)));
    }

    /// <summary>Reads raw bytes.</summary>
    public ReadOnlySpan<byte> ReadRaw(int count) => Take(count);

    /// <summary>
    /// Reads a collection length and checks it against the remaining bytes (each element needs at
    /// least <paramref name="minBytesPerElement"/>) and MaxCollectionLength.
    /// </summary>
    public int ReadLength(int minBytesPerElement = 1)
    {
        uint length = ReadVarUInt32();
        CheckLength(length, minBytesPerElement);
        return (int)length;
    }

    /// <summary>Validates a length read by other means.</summary>
    public void CheckLength(ulong length, int minBytesPerElement)
    {
        if (length > (ulong)Registry.Options.MaxCollectionLength)
        {
            throw Malformed($"length {length} exceeds MaxCollectionLength ({Registry.Options.MaxCollectionLength})");
        }

        if (length * (ulong)Math.Max(minBytesPerElement, 0) > (ulong)Remaining)
        {
            throw Malformed($"length {length} exceeds the remaining data");
        }
    }

    /// <summary>Reads an array written by <c>ObjectWriter.WriteBlittable</c>.</summary>
    public T[] ReadBlittable<T>()
        where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        int length = ReadLength(size);
        var result = length == 0 ? Array.Empty<T>() : new T[length];
        Take(length * size).CopyTo(MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }
}
