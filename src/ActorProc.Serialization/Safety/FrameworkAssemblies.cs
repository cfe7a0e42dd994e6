using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ActorProc.Serialization.Safety;

/// <summary>
/// Tells framework assemblies (those installed under the shared runtime directory) from user code.
/// Dynamic assemblies count as framework: they are never trusted as user code.
/// </summary>
internal static class FrameworkAssemblies
{
    private static readonly string SharedRoot = ComputeSharedRoot();
    private static readonly ConcurrentDictionary<Assembly, bool> Cache = new();

    private static string ComputeSharedRoot()
    {
        // .../dotnet/shared/Microsoft.NETCore.App/10.0.x/ -> .../dotnet/shared/ (covers ASP.NET Core's shared framework too)
        string runtime = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory()).TrimEnd(Path.DirectorySeparatorChar);
        string? shared = Path.GetDirectoryName(Path.GetDirectoryName(runtime));
        return (shared ?? runtime) + Path.DirectorySeparatorChar;
    }

    /// <summary>Whether the assembly is part of the shared framework (or dynamic).</summary>
    public static bool IsFramework(Assembly assembly) => Cache.GetOrAdd(assembly, static a =>
    {
        if (a.IsDynamic)
        {
            return true;
        }

        string location = a.Location;
        if (string.IsNullOrEmpty(location))
        {
            string name = a.GetName().Name ?? "";
            return name.StartsWith("System.", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)
                || name is "System" or "mscorlib" or "netstandard";
        }

        return Path.GetFullPath(location).StartsWith(SharedRoot, StringComparison.Ordinal);
    });
}
