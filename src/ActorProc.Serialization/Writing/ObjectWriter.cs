using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using ActorProc.Serialization.Codecs;

namespace ActorProc.Serialization.Writing;

/// <summary>
/// Writes one message into a pooled scratch buffer: primitives here, reference slots and type
/// references in the other half of this partial class. Instances are reused per thread.
/// </summary>
internal sealed partial class ObjectWriter
{
    private byte[] _buffer = new byte[256];
    private int _pos;

    public ObjectWriter(CodecRegistry registry)
    {
        Registry = registry;
    }

    /// <summary>The codec registry of the serializer that owns this writer.</summary>
    public CodecRegistry Registry { get; private set; }

    /// <summary>Bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _pos);

    /// <summary>Rebinds the writer to a registry and clears all per-message state.</summary>
    public void Reset(CodecRegistry registry)
    {
        Registry = registry;
        _pos = 0;
        ResetTables();
        if (_buffer.Length > 1 << 20)
        {
            _buffer = new byte[256];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _pos < count)
        {
            Grow(count);
        }

        return _buffer.AsSpan(_pos, count);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int count)
    {
        long wanted = Math.Max((long)_buffer.Length * 2, (long)_pos + count);
        if (wanted > Array.MaxLength)
        {
            throw new SerializationException("The message is too large to serialize.");
        }

        var bigger = new byte[wanted];
        _buffer.AsSpan(0, _pos).CopyTo(bigger);
        _buffer = bigger;
    }

    public void WriteByte(byte value)
    {
        if (_pos >= _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_pos++] = value;
    }

    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    public void WriteSByte(sbyte value) => WriteByte((byte)value);

    public void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16LittleEndian(Reserve(2), value);
        _pos += 2;
    }

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);
        _pos += 2;
    }

    public void WriteChar(char value) => WriteUInt16(value);

    public void WriteInt32(int value) => WriteVarUInt32((uint)((value << 1) ^ (value >> 31)));

    public void WriteUInt32(uint value) => WriteVarUInt32(value);

    public void WriteInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    public void WriteUInt64(ulong value) => WriteVarUInt64(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteVarUInt32(uint value)
    {
        if (value < 0x80 && _pos < _buffer.Length)
        {
            _buffer[_pos++] = (byte)value;
            return;
        }

        WriteVarUInt64(value);
    }

    public void WriteVarUInt64(ulong value)
    {
        var span = Reserve(10);
        int i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _pos += i;
    }

    public void WriteSingle(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(Reserve(4), value);
        _pos += 4;
    }

    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);
        _pos += 8;
    }

    public void WriteHalf(Half value)
    {
        BinaryPrimitives.WriteHalfLittleEndian(Reserve(2), value);
        _pos += 2;
    }

    public void WriteInt128(Int128 value)
    {
        BinaryPrimitives.WriteInt128LittleEndian(Reserve(16), value);
        _pos += 16;
    }

    public void WriteUInt128(UInt128 value)
    {
        BinaryPrimitives.WriteUInt128LittleEndian(Reserve(16), value);
        _pos += 16;
    }

    public void WriteDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var span = Reserve(16);
        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span.Slice(i * 4), bits[i]);
        }

        _pos += 16;
    }

    public void WriteDateTime(DateTime value)
    {
        ulong raw = (ulong)value.Ticks | ((ulong)value.Kind << 62);
        BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), raw);
        _pos += 8;
    }

    public void WriteDateTimeOffset(DateTimeOffset value)
    {
        WriteInt64(value.Ticks);
        WriteInt32((int)(value.Offset.Ticks / TimeSpan.TicksPerMinute));
    }

    public void WriteTimeSpan(TimeSpan value) => WriteInt64(value.Ticks);

    public void WriteDateOnly(DateOnly value) => WriteInt32(value.DayNumber);

    public void WriteTimeOnly(TimeOnly value) => WriteInt64(value.Ticks);

    public void WriteGuid(Guid value)
    {
        value.TryWriteBytes(Reserve(16));
        _pos += 16;
    }

    /// <summary>Writes a string as varint (UTF-8 byte count + 1) and the bytes; 0 means null.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }

        if (value.Length < 42)
        {
            // At most 3 bytes per UTF-16 unit, so the byte count fits in one varint byte.
            var span = Reserve(1 + (value.Length * 3));
            int written = Encoding.UTF8.GetBytes(value, span.Slice(1));
            span[0] = (byte)(written + 1);
            _pos += written + 1;
            return;
        }

        int count = Encoding.UTF8.GetByteCount(value);
        WriteVarUInt32((uint)count + 1);
        Encoding.UTF8.GetBytes(value, Reserve(count));
        _pos += count;
    }

    /// <summary>Writes raw bytes with no prefix.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _pos += bytes.Length;
    }

    /// <summary>Writes a collection length.</summary>
    public void WriteLength(int length) => WriteVarUInt32((uint)length);

    /// <summary>Writes an array of unmanaged values as its little-endian memory image.</summary>
    public void WriteBlittable<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        WriteLength(values.Length);
        WriteRaw(MemoryMarshal.AsBytes(values));
    }

    /// <summary>Copies the message to the caller's buffer writer.</summary>
    public void CopyTo(IBufferWriter<byte> output) => output.Write(WrittenSpan);
}
