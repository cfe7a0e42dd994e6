using System.Diagnostics;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// How long a thread waiting for another process spins before it sleeps in the kernel (<c>actorproc.sync.spin</c>,
/// 20 µs by default): semaphores and events in shared memory, and the receiving end of a pipe.
/// </summary>
internal static class WaitSpin
{
    private static long _ticks = Stopwatch.Frequency / 50_000;

    /// <summary>The spin in <see cref="Stopwatch"/> ticks.</summary>
    public static long Ticks => Volatile.Read(ref _ticks);

    /// <summary>Sets the spin (the process's runtime, from its configuration).</summary>
    public static void Set(TimeSpan spin) => Volatile.Write(ref _ticks, (long)(spin.TotalSeconds * Stopwatch.Frequency));

    /// <summary>Spins until <paramref name="ready"/> holds, at most <see cref="Ticks"/>; false when it did not.</summary>
    public static bool Until<TState>(TState state, Func<TState, bool> ready)
    {
        long start = Stopwatch.GetTimestamp();
        long ticks = Ticks;
        while (Stopwatch.GetTimestamp() - start < ticks)
        {
            if (ready(state))
            {
                return true;
            }

            Thread.SpinWait(20);
        }

        return false;
    }
}
