using System.Collections.Concurrent;
using System.Text;

namespace ActorProc.Serialization.Types;

/// <summary>Type names for the wire and for error messages.</summary>
internal static class TypeNames
{
    private static readonly ConcurrentDictionary<Type, (string Assembly, string FullName)> WireNames = new();
    private static readonly ConcurrentDictionary<Type, string> FriendlyNames = new();

    /// <summary>Assembly simple name and full name of a non-constructed type.</summary>
    public static (string Assembly, string FullName) WireName(Type type) =>
        WireNames.GetOrAdd(type, static t => (t.Assembly.GetName().Name ?? "", t.FullName ?? t.Name));

    /// <summary>A short C#-like name: <c>List&lt;Process&gt;</c>, <c>int[]</c>, <c>MyTests</c>.</summary>
    public static string Friendly(Type type) => FriendlyNames.GetOrAdd(type, BuildFriendly);

    private static string BuildFriendly(Type type)
    {
        if (type.IsArray)
        {
            return Friendly(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsPointer)
        {
            return Friendly(type.GetElementType()!) + "*";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        string name = type.Name;
        int tick = name.IndexOf('`');
        var sb = new StringBuilder(tick < 0 ? name : name.Substring(0, tick));
        sb.Append('<');
        var args = type.GetGenericArguments();
        for (int i = 0; i < args.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(type.IsGenericTypeDefinition ? "" : Friendly(args[i]));
        }

        return sb.Append('>').ToString();
    }
}
