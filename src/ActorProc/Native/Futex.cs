using System.Runtime.InteropServices;

namespace ActorProc.Multiprocessing.Native;

/// <summary>
/// Linux futexes on words in shared memory (not the process-private kind): a thread sleeps until another thread, in
/// any process that maps the word, wakes it. Only the wait and the wake calls; the words' meaning is the caller's.
/// </summary>
internal static unsafe partial class Futex
{
    private const int FutexWait = 0;
    private const int FutexWake = 1;
    private const int ETIMEDOUT = 110;

    // The futex system call's number: 202 on x86-64, 98 on arm64 (no other architecture has a known number here).
    private static readonly long SystemCall = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 202,
        Architecture.Arm64 => 98,
        _ => -1,
    };

    /// <summary>True on Linux on x86-64 and arm64; elsewhere callers wait by message.</summary>
    public static bool IsSupported { get; } = OperatingSystem.IsLinux() && SystemCall > 0;

    /// <summary>
    /// Sleeps while <c>*address == expected</c>, at most <paramref name="timeout"/> (null: no limit). Returns early on a
    /// wake, on a signal, or at once when the word already differs; callers re-check their condition in every case.
    /// </summary>
    /// <returns>False when the timeout passed; true otherwise.</returns>
    public static bool Wait(int* address, int expected, TimeSpan? timeout)
    {
        if (!IsSupported)
        {
            // No futexes (not Linux): a millisecond's poll. The process layer itself needs Linux; this keeps a
            // synchronization object created elsewhere working in its own process.
            Thread.Sleep(1);
            return true;
        }

        if (timeout is not { } t)
        {
            syscall(SystemCall, (nint)address, FutexWait, expected, 0, 0, 0);
            return true;
        }

        long ticks = Math.Max(0, t.Ticks);
        var spec = new TimeSpec { Seconds = ticks / TimeSpan.TicksPerSecond, Nanoseconds = ticks % TimeSpan.TicksPerSecond * 100 };
        long result = syscall(SystemCall, (nint)address, FutexWait, expected, (nint)(&spec), 0, 0);
        return result == 0 || Marshal.GetLastPInvokeError() != ETIMEDOUT;
    }

    /// <summary>Wakes up to <paramref name="count"/> threads sleeping on <paramref name="address"/>, in any process.</summary>
    public static void Wake(int* address, int count)
    {
        if (IsSupported)
        {
            syscall(SystemCall, (nint)address, FutexWake, count, 0, 0, 0);
        }
    }

    // syscall(2) is variadic; every argument here is an integer or a pointer, passed in the same registers either way.
    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, nint address, int operation, int value, nint timeout, nint address2, int value3);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
