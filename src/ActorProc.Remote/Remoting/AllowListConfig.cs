using ActorProc.Configuration;
using ActorProc.Serialization;

namespace ActorProc.Remote;

/// <summary>
/// Builds the serializer's <see cref="TypeAllowList"/> from <c>actorproc.serialization</c>: the default list
/// (user and ActorProc assemblies, vetted framework types) plus <c>allow-types</c> and
/// <c>allow-namespaces</c>, minus <c>deny-types</c>. Known gadget types stay refused whatever is configured.
/// </summary>
public static class AllowListConfig
{
    /// <summary>Reads the allow-list of a configuration.</summary>
    /// <exception cref="ConfigException">A configured type name cannot be found; the message names it.</exception>
    public static TypeAllowList FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.GetConfig("actorproc.serialization");
        var list = TypeAllowList.CreateDefault();
        foreach (var name in ReadList(section, "allow-types"))
        {
            list.AllowType(Resolve(name, "allow-types"));
        }

        foreach (var prefix in ReadList(section, "allow-namespaces"))
        {
            list.AllowNamespacePrefix(prefix);
        }

        foreach (var name in ReadList(section, "deny-types"))
        {
            list.Deny(Resolve(name, "deny-types"));
        }

        return list;
    }

    private static IReadOnlyList<string> ReadList(Config section, string key) => section.HasPath(key) ? section.GetStringList(key) : [];

    private static Type Resolve(string name, string key)
    {
        var type = Type.GetType(name, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name, throwOnError: false)).FirstOrDefault(t => t is not null);
        return type ?? throw new ConfigException(
            $"Setting 'actorproc.serialization.{key}' names type '{name}', which is not loaded; use its full name, with ', AssemblyName' for a type outside the loaded assemblies.");
    }
}
