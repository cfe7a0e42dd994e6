using System.Collections.Concurrent;
using System.Reflection;

namespace ActorProc.Serialization.Reading;

/// <summary>Turns type descriptions from the wire into types without running any user code.</summary>
internal static class TypeResolver
{
    private static readonly ConcurrentDictionary<(string Assembly, string Name), Type> Cache = new();

    // The loaded assemblies by simple name, the first loaded winning (as a scan of the app domain would find it), kept
    // current by the AssemblyLoad event: a scan calling GetName on each of ~50 assemblies costs ~0.4 ms, which the
    // first type of every user assembly would pay. Collectible assemblies are not held here (that would keep them
    // from unloading): they are looked for by a scan.
    private static readonly Lazy<ConcurrentDictionary<string, Assembly>> LoadedAssemblies = new(static () =>
    {
        var loaded = new ConcurrentDictionary<string, Assembly>(StringComparer.Ordinal);
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => Remember(loaded, e.LoadedAssembly);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            Remember(loaded, assembly);
        }

        return loaded;
    });

    /// <summary>Finds a non-generic-instance type by assembly simple name and full name.</summary>
    public static Type Resolve(string assemblyName, string fullName)
    {
        if (Cache.TryGetValue((assemblyName, fullName), out var cached))
        {
            return cached;
        }

        if (fullName.Length == 0 || fullName.Length > 1024 || fullName.IndexOfAny(['[', ']', ',', '*', '&']) >= 0
            || assemblyName.Length == 0 || assemblyName.Length > 256 || assemblyName.IndexOfAny([',', '=', '/', '\\']) >= 0)
        {
            throw ObjectReader.Malformed($"invalid type name '{fullName}, {assemblyName}'");
        }

        Assembly? assembly = FindLoaded(assemblyName);
        if (assembly is null)
        {
            try
            {
                assembly = Assembly.Load(new AssemblyName(assemblyName));
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException)
            {
                throw new SerializationException($"Assembly '{assemblyName}' for type '{fullName}' cannot be loaded.", e);
            }
        }

        Type type = assembly.GetType(fullName, throwOnError: false, ignoreCase: false)
            ?? throw new SerializationException($"Type '{fullName}' was not found in assembly '{assemblyName}'.");
        Cache.TryAdd((assemblyName, fullName), type);
        return type;
    }

    private static Assembly? FindLoaded(string simpleName)
    {
        if (LoadedAssemblies.Value.TryGetValue(simpleName, out var assembly))
        {
            return assembly;
        }

        foreach (var candidate in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (candidate.IsCollectible && !candidate.IsDynamic && string.Equals(candidate.GetName().Name, simpleName, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void Remember(ConcurrentDictionary<string, Assembly> loaded, Assembly assembly)
    {
        if (!assembly.IsDynamic && !assembly.IsCollectible && assembly.GetName().Name is { } name)
        {
            loaded.TryAdd(name, assembly);
        }
    }

    /// <summary>Builds an array type after checking the element type and rank.</summary>
    public static Type MakeArray(Type element, int rank, bool szArray)
    {
        if (rank < 1 || rank > 32 || !IsUsableArgument(element))
        {
            throw ObjectReader.Malformed($"invalid array of {element}");
        }

        return szArray ? element.MakeArrayType() : element.MakeArrayType(rank);
    }

    /// <summary>Builds a constructed generic type, refusing anything malformed.</summary>
    public static Type MakeGeneric(Type definition, Type[] args)
    {
        if (!definition.IsGenericTypeDefinition || definition.GetGenericArguments().Length != args.Length)
        {
            throw ObjectReader.Malformed($"invalid generic instance of {definition}");
        }

        foreach (var arg in args)
        {
            if (!IsUsableArgument(arg))
            {
                throw ObjectReader.Malformed($"invalid generic argument {arg}");
            }
        }

        try
        {
            return definition.MakeGenericType(args);
        }
        catch (ArgumentException e)
        {
            throw new SerializationException($"Generic arguments do not fit {definition}.", e);
        }
    }

    private static bool IsUsableArgument(Type type) =>
        !type.IsPointer && !type.IsByRef && !type.IsByRefLike && !type.ContainsGenericParameters
        && type != typeof(void) && !type.IsFunctionPointer;
}
