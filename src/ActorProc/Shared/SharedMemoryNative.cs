using System.Runtime.InteropServices;

namespace ActorProc.Multiprocessing.Shared;

/// <summary>The libc calls that map a shared memory file (Linux; the constants are those of x64 and arm64).</summary>
internal static partial class SharedMemoryNative
{
    private const int PROT_READ = 1;
    private const int PROT_WRITE = 2;
    private const int MAP_SHARED = 1;

    /// <summary>Maps <paramref name="length"/> bytes of the file <paramref name="fd"/> readable and writable, shared with every process mapping it.</summary>
    /// <exception cref="IOException">The kernel refused (the message carries errno).</exception>
    public static nint Map(SafeHandle fd, nuint length)
    {
        bool added = false;
        try
        {
            fd.DangerousAddRef(ref added);
            nint address = mmap(0, length, PROT_READ | PROT_WRITE, MAP_SHARED, (int)fd.DangerousGetHandle(), 0);
            if (address == -1)
            {
                throw new IOException($"mmap of {length} bytes failed: {Marshal.GetLastPInvokeErrorMessage()} (errno {Marshal.GetLastPInvokeError()}).");
            }

            return address;
        }
        finally
        {
            if (added)
            {
                fd.DangerousRelease();
            }
        }
    }

    /// <summary>Unmaps what <see cref="Map"/> returned.</summary>
    public static void Unmap(nint address, nuint length) => munmap(address, length);

    /// <summary>Gives the file <paramref name="length"/> bytes of real storage now, so that a full tmpfs fails here and not later with SIGBUS on a write.</summary>
    /// <returns>0 or the errno.</returns>
    public static int Reserve(SafeHandle fd, long length)
    {
        bool added = false;
        try
        {
            fd.DangerousAddRef(ref added);
            return posix_fallocate((int)fd.DangerousGetHandle(), 0, length);
        }
        finally
        {
            if (added)
            {
                fd.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint mmap(nint address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(nint address, nuint length);

    // Returns the error number instead of setting errno.
    [LibraryImport("libc")]
    private static partial int posix_fallocate(int fd, long offset, long length);
}
