using System.Collections.Concurrent;
using System.Reflection;

namespace ActorProc.Serialization.Reading;

/// <summary>Turns type descriptions from the wire into types without running any user code.</summary>
internal static class TypeResolver
{
    private static readonly ConcurrentDictionary<(string Assembly, string Name), Type> Cache = new();

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
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (!assembly.IsDynamic && string.Equals(assembly.GetName().Name, simpleName, StringComparison.Ordinal))
            {
                return assembly;
            }
        }

        return null;
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
