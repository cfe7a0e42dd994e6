using System.Collections.Concurrent;
using System.Reflection;

namespace ActorProc.Serialization.Delegates;

/// <summary>Finds a method by declaring type and metadata token, checking its name (cached).</summary>
internal static class MethodResolver
{
    private const BindingFlags All = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public
        | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly ConcurrentDictionary<(Type, int), MethodInfo?> Cache = new();

    public static MethodInfo Resolve(Type declaringType, int token, string name)
    {
        var method = Cache.GetOrAdd((declaringType, token), static key =>
            key.Item1.GetMethods(All).FirstOrDefault(m => m.MetadataToken == key.Item2));
        if (method is null || method.Name != name)
        {
            throw new SerializationException(
                $"Method '{name}' (token 0x{token:X8}) was not found on {declaringType}; do both processes run the same assemblies?");
        }

        return method;
    }
}
