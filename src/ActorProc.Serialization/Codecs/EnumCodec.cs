using System.Runtime.CompilerServices;
using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs;

/// <summary>Codec for an enum: its underlying value as a zigzag varint.</summary>
/// <typeparam name="T">The enum type.</typeparam>
internal sealed class EnumCodec<T> : Codec<T>
    where T : struct, Enum
{
    private static readonly bool Unsigned = Type.GetTypeCode(Enum.GetUnderlyingType(typeof(T))) is
        TypeCode.Byte or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Char;

    public override void Write(ObjectWriter writer, T value)
    {
        long raw = Unsafe.SizeOf<T>() switch
        {
            1 => Unsigned ? Unsafe.As<T, byte>(ref value) : Unsafe.As<T, sbyte>(ref value),
            2 => Unsigned ? Unsafe.As<T, ushort>(ref value) : Unsafe.As<T, short>(ref value),
            4 => Unsigned ? Unsafe.As<T, uint>(ref value) : Unsafe.As<T, int>(ref value),
            _ => Unsafe.As<T, long>(ref value),
        };
        writer.WriteInt64(raw);
    }

    public override T Read(ObjectReader reader)
    {
        long raw = reader.ReadInt64();
        T value = default;
        switch (Unsafe.SizeOf<T>())
        {
            case 1:
                Unsafe.As<T, byte>(ref value) = (byte)raw;
                break;
            case 2:
                Unsafe.As<T, ushort>(ref value) = (ushort)raw;
                break;
            case 4:
                Unsafe.As<T, uint>(ref value) = (uint)raw;
                break;
            default:
                Unsafe.As<T, long>(ref value) = raw;
                break;
        }

        return value;
    }
}
