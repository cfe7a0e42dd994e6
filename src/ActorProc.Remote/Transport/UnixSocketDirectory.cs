using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace ActorProc.Remote.Transport;

/// <summary>
/// A private (mode 0700) directory holding one listener's Unix socket file (mode 0600), under
/// <c>$XDG_RUNTIME_DIR</c> when set, else under <c>/tmp/actorproc-&lt;uid&gt;</c>. Deleted on dispose.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal sealed partial class UnixSocketDirectory : IDisposable
{
    internal const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    internal const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string SocketFileName = "transport.sock";

    private UnixSocketDirectory(string path)
    {
        DirectoryPath = path;
        SocketPath = Path.Combine(path, SocketFileName);
    }

    internal string DirectoryPath { get; }

    internal string SocketPath { get; }

    internal static UnixSocketDirectory Create()
    {
        string parent = ResolveParent();
        for (int attempt = 0; ; attempt++)
        {
            string path = Path.Combine(parent, "actorproc-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
            if (Directory.Exists(path) && attempt < 8)
            {
                continue;
            }

            Directory.CreateDirectory(path, DirectoryMode);
            File.SetUnixFileMode(path, DirectoryMode);
            return new UnixSocketDirectory(path);
        }
    }

    /// <summary>Restricts the socket file to its owner; call right after bind, before listen.</summary>
    internal void Protect() => File.SetUnixFileMode(SocketPath, SocketMode);

    public void Dispose()
    {
        try
        {
            File.Delete(SocketPath);
            Directory.Delete(DirectoryPath, recursive: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the directory lives in a per-user location.
        }
    }

    private static string ResolveParent()
    {
        string? runtimeDir = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        if (!string.IsNullOrEmpty(runtimeDir) && Directory.Exists(runtimeDir))
        {
            return runtimeDir;
        }

        string shared = Path.Combine(Path.GetTempPath(), "actorproc-" + NativeMethods.GetEffectiveUserId().ToString(System.Globalization.CultureInfo.InvariantCulture));
        var info = new DirectoryInfo(shared);
        if (!info.Exists)
        {
            Directory.CreateDirectory(shared, DirectoryMode);
            info.Refresh();
        }

        if (info.LinkTarget is not null)
        {
            throw new IOException($"Refusing to use '{shared}': it is a symbolic link.");
        }

        // Fails with UnauthorizedAccessException when another user owns a pre-created directory.
        File.SetUnixFileMode(shared, DirectoryMode);
        return shared;
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc", EntryPoint = "geteuid")]
        internal static partial uint GetEffectiveUserId();
    }
}
