using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ActorProc.Multiprocessing.Shared;

/// <summary>
/// Names of shared memory files: <c>/dev/shm/actorproc-{tree}-{pid}-{start}-{random}</c>. <c>tree</c> is derived from the
/// process tree's auth key (every process of one tree computes the same, nobody else can), <c>pid</c> and <c>start</c>
/// (its start time in clock ticks since boot) identify the creating process even after its pid is reused, and
/// <c>random</c> is 128 random bits, so a name cannot be guessed.
/// </summary>
internal static class SegmentNames
{
    /// <summary>Where the files live (tmpfs).</summary>
    public const string Directory = "/dev/shm";

    /// <summary>The start of every ActorProc segment name.</summary>
    public const string Prefix = "actorproc-";

    private static string? _self;

    /// <summary>Whether this machine has a <see cref="Directory"/> to put segments in.</summary>
    public static bool Available { get; } = OperatingSystem.IsLinux() && System.IO.Directory.Exists(Directory);

    /// <summary>The prefix of every segment created in the process tree whose auth key is <paramref name="authKey"/>.</summary>
    public static string TreePrefix(byte[] authKey)
    {
        Span<byte> hash = stackalloc byte[32];
        byte[] input = [.. Encoding.ASCII.GetBytes("actorproc-shared-memory"), .. authKey];
        SHA256.HashData(input, hash);
        return Prefix + Convert.ToHexStringLower(hash[..8]) + "-";
    }

    /// <summary>A new name for a segment created by this process, in the tree of <paramref name="treePrefix"/>.</summary>
    public static string NewName(string treePrefix)
    {
        _self ??= string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{StartTimeOf(Environment.ProcessId) ?? 0}-");
        return treePrefix + _self + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>The full path of the segment called <paramref name="name"/>.</summary>
    public static string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Whether <paramref name="name"/> is a well-formed segment name; then its creator's pid and start time.</summary>
    public static bool TryParseCreator(string name, out int pid, out long start)
    {
        pid = 0;
        start = 0;
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        // actorproc-{tree}-{pid}-{start}-{random}
        var parts = name.Split('-');
        return parts.Length == 5
            && parts[1].Length == 16
            && parts[4].Length == 32
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out pid)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out start);
    }

    /// <summary>Whether the process that created the segment <paramref name="name"/> still runs (true when the name does not tell).</summary>
    public static bool CreatorAlive(string name) =>
        !TryParseCreator(name, out int pid, out long start) || StartTimeOf(pid) is { } now && (start == 0 || now == start);

    /// <summary>The start time of process <paramref name="pid"/> (field 22 of <c>/proc/pid/stat</c>), or null when it does not run (or is a zombie).</summary>
    public static long? StartTimeOf(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}/stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
        int close = stat.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 19 && fields[0] != "Z" && fields[0] != "X" && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out long start) ? start : null;
    }
}
