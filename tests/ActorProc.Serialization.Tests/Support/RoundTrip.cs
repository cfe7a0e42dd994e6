using System.Buffers;

namespace ActorProc.Serialization.Tests.Support;

public static class RoundTrip
{
    public static readonly Serializer Default = new();

    public static T Copy<T>(T value, Serializer? serializer = null)
    {
        serializer ??= Default;
        var writer = new ArrayBufferWriter<byte>();
        serializer.Serialize(writer, value);
        return serializer.Deserialize<T>(writer.WrittenSpan);
    }

    public static T CopyAndCompare<T>(T value, Serializer? serializer = null)
    {
        T copy = Copy(value, serializer);
        DeepEqual.AssertEqual(value, copy);
        return copy;
    }
}
