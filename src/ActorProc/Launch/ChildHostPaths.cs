using System.Runtime.InteropServices;

namespace ActorProc.Multiprocessing.Launch;

/// <summary>
/// Where the pieces of a child launch are: the <c>dotnet</c> muxer, the application's deps file and
/// runtimeconfig (the child loads exactly the parent's assemblies and runtime settings), and
/// <c>ActorProc.ChildHost.dll</c>, the child's entry assembly. See docs/design/process-isolation.md.
/// </summary>
internal sealed record ChildHostPaths(string Dotnet, string DepsFile, string RuntimeConfig, string ChildHost)
{
    private static readonly Lazy<ChildHostPaths> Discovered = new(Discover);

    /// <summary>The paths for this application.</summary>
    /// <exception cref="InvalidOperationException">This kind of application cannot start child processes (with why).</exception>
    public static ChildHostPaths Current => Discovered.Value;

    private static ChildHostPaths Discover()
    {
        // Under `dotnet test` the entry assembly is testhost.dll; the first deps file is still the test
        // assembly's, whose sibling runtimeconfig describes the right frameworks.
        var depsList = AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string;
        var deps = depsList?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (string.IsNullOrEmpty(deps) || !File.Exists(deps))
        {
            throw new InvalidOperationException(
                "ActorProc cannot start child processes: the application has no .deps.json file (single-file or custom-hosted apps are not supported; run it as a framework-dependent app).");
        }

        var runtimeConfig = deps[..^".deps.json".Length] + ".runtimeconfig.json";
        if (!File.Exists(runtimeConfig))
        {
            throw new InvalidOperationException($"ActorProc cannot start child processes: {runtimeConfig} does not exist (self-contained apps are not supported).");
        }

        var ownLocation = typeof(ChildHostPaths).Assembly.Location;
        var childHost = string.IsNullOrEmpty(ownLocation) ? "" : Path.Combine(Path.GetDirectoryName(ownLocation)!, "ActorProc.ChildHost.dll");
        if (!File.Exists(childHost))
        {
            throw new InvalidOperationException(
                $"ActorProc cannot start child processes: ActorProc.ChildHost.dll was not found next to ActorProc.dll ('{childHost}').");
        }

        return new ChildHostPaths(FindDotnet(), deps, runtimeConfig, childHost);
    }

    private static string FindDotnet()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return processPath;
        }

        // Started through an apphost: the muxer sits three levels above the shared framework directory
        // (<root>/shared/Microsoft.NETCore.App/<version>/).
        var muxer = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        if (File.Exists(muxer))
        {
            return muxer;
        }

        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var fromRoot = root is null ? null : Path.Combine(root, "dotnet");
        return fromRoot is not null && File.Exists(fromRoot)
            ? fromRoot
            : throw new InvalidOperationException("ActorProc cannot start child processes: the dotnet executable was not found (set DOTNET_HOST_PATH or DOTNET_ROOT).");
    }
}
