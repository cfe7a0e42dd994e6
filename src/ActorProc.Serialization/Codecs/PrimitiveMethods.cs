using System.Collections.Frozen;
using System.Reflection;
using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs;

/// <summary>The writer/reader methods for types written inline with span operations.</summary>
internal static class PrimitiveMethods
{
    private static readonly FrozenDictionary<Type, (MethodInfo Write, MethodInfo Read)> Methods = Build();

    private static FrozenDictionary<Type, (MethodInfo, MethodInfo)> Build()
    {
        Type[] types =
        [
            typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint),
            typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(char), typeof(decimal), typeof(string),
            typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid), typeof(Half), typeof(Int128),
            typeof(UInt128), typeof(DateOnly), typeof(TimeOnly),
        ];
        var map = new Dictionary<Type, (MethodInfo, MethodInfo)>();
        foreach (var type in types)
        {
            var write = typeof(ObjectWriter).GetMethod("Write" + type.Name, [type])
                ?? throw new InvalidOperationException("missing writer for " + type);
            var read = typeof(ObjectReader).GetMethod("Read" + type.Name, Type.EmptyTypes)
                ?? throw new InvalidOperationException("missing reader for " + type);
            map[type] = (write, read);
        }

        return map.ToFrozenDictionary();
    }

    /// <summary>Whether the type has dedicated writer and reader methods.</summary>
    public static bool IsPrimitive(Type type) => Methods.ContainsKey(type);

    /// <summary>Gets the dedicated writer and reader methods.</summary>
    public static bool TryGet(Type type, out MethodInfo write, out MethodInfo read)
    {
        if (Methods.TryGetValue(type, out var pair))
        {
            (write, read) = pair;
            return true;
        }

        write = read = null!;
        return false;
    }
}
