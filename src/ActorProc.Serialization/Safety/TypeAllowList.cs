using System.Reflection;
using ActorProc.Serialization.Safety;

namespace ActorProc.Serialization;

/// <summary>
/// Decides which types may be instantiated when deserializing untrusted bytes. Known gadget types
/// (processes, files, streams, reflection, data sets...) are refused whatever the rules say, and
/// arrays and generic instances are allowed only when their element and argument types are.
/// Configure it before creating a <see cref="Serializer"/>: verdicts are cached per serializer.
/// </summary>
public sealed class TypeAllowList
{
    private readonly HashSet<Type> _types = new();
    private readonly HashSet<Type> _denied = new();
    private readonly HashSet<Assembly> _assemblies = new();
    private readonly List<string> _namespacePrefixes = new();
    private readonly object _lock = new();
    private bool _allowUserAssemblies;

    /// <summary>
    /// The default list: every assembly that is not part of the shared framework (user code,
    /// ActorProc itself), the vetted framework types (primitives, date/time, Guid, Uri, Version,
    /// BigInteger, the supported collections, tuples, delegate types and common exceptions), and
    /// framework enums.
    /// </summary>
    /// <returns>A new allow-list.</returns>
    public static TypeAllowList CreateDefault()
    {
        var list = new TypeAllowList().AllowUserAssemblies();
        foreach (var type in DefaultAllowedTypes.All)
        {
            list.AllowType(type);
        }

        list.AllowAssembly(typeof(TypeAllowList).Assembly);
        return list;
    }

    /// <summary>Allows every type of every non-framework (user) assembly.</summary>
    /// <returns>This list.</returns>
    public TypeAllowList AllowUserAssemblies()
    {
        _allowUserAssemblies = true;
        return this;
    }

    /// <summary>Allows every type of an assembly (gadget types are still refused).</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>This list.</returns>
    public TypeAllowList AllowAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        lock (_lock)
        {
            _assemblies.Add(assembly);
        }

        return this;
    }

    /// <summary>Allows a type; for a generic definition, all its instances whose arguments are allowed.</summary>
    /// <param name="type">The type.</param>
    /// <returns>This list.</returns>
    public TypeAllowList AllowType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (_lock)
        {
            _types.Add(type);
        }

        return this;
    }

    /// <summary>Allows every type whose namespace starts with a prefix (e.g. <c>MyCompany.Messages</c>).</summary>
    /// <param name="prefix">The namespace prefix.</param>
    /// <returns>This list.</returns>
    public TypeAllowList AllowNamespacePrefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        lock (_lock)
        {
            _namespacePrefixes.Add(prefix);
        }

        return this;
    }

    /// <summary>Refuses a type and everything assignable to it, overriding every allow rule.</summary>
    /// <param name="type">The type (a class, an interface or a generic definition).</param>
    /// <returns>This list.</returns>
    public TypeAllowList Deny(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (_lock)
        {
            _denied.Add(type);
        }

        return this;
    }

    /// <summary>Whether values of a type may be created from untrusted data.</summary>
    /// <param name="type">The type to check.</param>
    /// <param name="reason">Why not, when refused.</param>
    /// <returns>True when allowed.</returns>
    public bool IsAllowed(Type type, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (_lock)
        {
            reason = Check(type);
        }

        return reason is null;
    }

    private string? Check(Type type)
    {
        if (type.IsArray)
        {
            return Check(type.GetElementType()!);
        }

        if (type.IsPointer || type.IsByRef || type.IsFunctionPointer || type.IsGenericParameter)
        {
            return $"{type} is a pointer, by-ref or generic parameter";
        }

        if (DeniedTypes.GetDenial(type) is { } denial)
        {
            return denial;
        }

        foreach (var denied in _denied)
        {
            if (denied.IsAssignableFrom(type) || (type.IsConstructedGenericType && type.GetGenericTypeDefinition() == denied))
            {
                return $"{type} is denied by the allow-list";
            }
        }

        if (type.IsConstructedGenericType)
        {
            if (Check(type.GetGenericTypeDefinition()) is { } definitionReason)
            {
                return definitionReason;
            }

            // A delegate's type arguments only describe its signature (Func<Task>, Action<Stream>): no value
            // of them is created by reading the delegate; its target graph is checked on its own.
            if (typeof(Delegate).IsAssignableFrom(type))
            {
                return null;
            }

            foreach (var argument in type.GetGenericArguments())
            {
                if (Check(argument) is { } argumentReason)
                {
                    return $"generic argument of {type}: {argumentReason}";
                }
            }

            return null;
        }

        return IsAdmitted(type) ? null : $"{type} is not on the allow-list (use AllowType, AllowAssembly or AllowNamespacePrefix)";
    }

    private bool IsAdmitted(Type type)
    {
        if (_types.Contains(type) || _assemblies.Contains(type.Assembly))
        {
            return true;
        }

        bool framework = FrameworkAssemblies.IsFramework(type.Assembly);
        if ((_allowUserAssemblies && !framework) || (type.IsEnum && framework))
        {
            return true;
        }

        string ns = type.Namespace ?? "";
        foreach (var prefix in _namespacePrefixes)
        {
            if (ns.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
