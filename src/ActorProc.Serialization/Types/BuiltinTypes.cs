using System.Collections.Frozen;

namespace ActorProc.Serialization.Types;

/// <summary>
/// Types with a fixed type index on both sides, so they never need a name on the wire.
/// Append only: reordering breaks compatibility between processes running different versions.
/// </summary>
internal static class BuiltinTypes
{
    private static readonly Type[] All =
    [
        typeof(object), typeof(string), typeof(bool), typeof(byte), typeof(sbyte), typeof(short),
        typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float),
        typeof(double), typeof(decimal), typeof(char), typeof(DateTime), typeof(DateTimeOffset),
        typeof(TimeSpan), typeof(Guid), typeof(Type), typeof(byte[]), typeof(int[]), typeof(string[]),
        typeof(object[]), typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(KeyValuePair<,>),
        typeof(Nullable<>), typeof(List<object>), typeof(List<string>), typeof(List<int>),
        typeof(Dictionary<string, object>), typeof(Dictionary<string, string>), typeof(Exception),
        typeof(Half), typeof(DateOnly), typeof(TimeOnly), typeof(Uri), typeof(Version),
    ];

    private static readonly FrozenDictionary<Type, int> Indices =
        All.Select((t, i) => (t, i)).ToFrozenDictionary(p => p.t, p => p.i);

    /// <summary>Number of builtin types.</summary>
    public static int Count => All.Length;

    /// <summary>Looks up a builtin type index.</summary>
    public static bool TryGetIndex(Type type, out int index) => Indices.TryGetValue(type, out index);

    /// <summary>Returns the builtin type at an index known to be in range.</summary>
    public static Type Get(int index) => All[index];
}
