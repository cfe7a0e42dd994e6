using System.IO.MemoryMappedFiles;
using System.Security.Cryptography;

namespace ActorProc.Multiprocessing.Queues;

/// <summary>
/// Two counters a consumer process shares with a queue's owner on the same host, in a small memory-mapped file:
/// how many delivered items its gets have returned, and (JoinableQueue) how many it marked done. The consumer
/// writes them before a get returns (a plain store: no message, no system call), and the owner reads them when
/// the consumer's process has died, so it knows exactly which of the items it delivered there were returned
/// (never delivered again) and which were not (delivered again) even when the acknowledgements, which are sent
/// in batches, had not left that process. The file is removed as soon as the owner has mapped it (both mappings
/// stay valid) or answered that it cannot (another host: that consumer falls back to acknowledging each get at
/// once); only a consumer killed within that first round trip leaves its 4 KiB file behind.
/// </summary>
internal sealed unsafe class ConsumerCounters : IDisposable
{
    private const int Size = 4096;
    private const int TokenLength = 16;
    private const int ReturnedOffset = 16;
    private const int DoneOffset = 24;

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private int _disposed;

    private ConsumerCounters(string path, byte[] token, MemoryMappedFile file, MemoryMappedViewAccessor view)
    {
        Path = path;
        Token = token;
        _file = file;
        _view = view;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _base = pointer + view.PointerOffset;
    }

    /// <summary>Where counter files are: shared memory where the system has it, else the temporary folder.</summary>
    public static string Folder { get; } = Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();

    /// <summary>The file (until removed).</summary>
    public string Path { get; }

    /// <summary>The random bytes at the start of the file, which the owner checks.</summary>
    public byte[] Token { get; }

    /// <summary>How many delivered items gets returned.</summary>
    public long Returned
    {
        get => Volatile.Read(ref *(long*)(_base + ReturnedOffset));
        set => Volatile.Write(ref *(long*)(_base + ReturnedOffset), value);
    }

    /// <summary>How many returned items were marked done (JoinableQueue).</summary>
    public long Done
    {
        get => Volatile.Read(ref *(long*)(_base + DoneOffset));
        set => Volatile.Write(ref *(long*)(_base + DoneOffset), value);
    }

    /// <summary>Creates the counters of a consumer (zero); null where shared files are not available.</summary>
    public static ConsumerCounters? Create()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            string path = System.IO.Path.Combine(Folder, $"actorproc-queue-{Environment.ProcessId}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}");
            var token = RandomNumberGenerator.GetBytes(TokenLength);
            var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
            try
            {
                stream.SetLength(Size);
                stream.Write(token);
                var file = MemoryMappedFile.CreateFromFile(stream, null, Size, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
                return new ConsumerCounters(path, token, file, file.CreateViewAccessor(0, Size));
            }
            catch
            {
                stream.Dispose();
                TryDelete(path);
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The owner maps a consumer's counters and removes the file; null when it is not there or not the consumer's (another host).</summary>
    public static ConsumerCounters? Open(string path, byte[] token)
    {
        // Only a counters file (name and folder) is ever opened, and removed, on a peer's word.
        if (OperatingSystem.IsWindows() || token.Length != TokenLength
            || !System.IO.Path.GetFileName(path).StartsWith("actorproc-queue-", StringComparison.Ordinal)
            || System.IO.Path.GetFullPath(System.IO.Path.GetDirectoryName(path) ?? "").TrimEnd('/') != System.IO.Path.GetFullPath(Folder).TrimEnd('/'))
        {
            return null;
        }

        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            ConsumerCounters? counters = null;
            try
            {
                if (stream.Length == Size)
                {
                    var file = MemoryMappedFile.CreateFromFile(stream, null, Size, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
                    counters = new ConsumerCounters(path, token, file, file.CreateViewAccessor(0, Size));
                    if (!new ReadOnlySpan<byte>(counters._base, TokenLength).SequenceEqual(token))
                    {
                        counters.Dispose();
                        counters = null;
                    }
                }
            }
            finally
            {
                if (counters is null)
                {
                    stream.Dispose();
                }
            }

            if (counters is not null)
            {
                TryDelete(path);
            }

            return counters;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Removes the file if it is still there (the mappings stay valid).</summary>
    public void DeleteFile() => TryDelete(Path);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file.Dispose();
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the file is a few bytes in a temporary directory.
        }
    }
}
