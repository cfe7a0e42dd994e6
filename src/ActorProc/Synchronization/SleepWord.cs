using ActorProc.Multiprocessing.Native;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// A futex word and a count of its sleepers, in shared memory: the waking side moves the word on and makes the system
/// call only when someone sleeps. A sleeper counts itself before it reads the word and checks its condition, and the
/// waker moves the word on before it reads the count, so one of them always sees the other (no lost wake-up).
/// </summary>
internal static unsafe class SleepWord
{
    /// <summary>Moves <paramref name="word"/> on and wakes every sleeper on it (in every process).</summary>
    public static void WakeAll(int* word, int* sleepers)
    {
        Interlocked.Increment(ref *word);
        if (Volatile.Read(ref *sleepers) > 0)
        {
            Futex.Wake(word, int.MaxValue);
        }
    }

    /// <summary>Counts the caller as a sleeper, and returns the word's value to sleep on with <see cref="Sleep"/>.</summary>
    public static int Enter(int* word, int* sleepers)
    {
        Interlocked.Increment(ref *sleepers);
        return Volatile.Read(ref *word);
    }

    /// <summary>Sleeps while the word is still <paramref name="seen"/> (at most <paramref name="timeout"/>), then stops counting the caller.</summary>
    public static void Sleep(int* word, int* sleepers, int seen, TimeSpan? timeout)
    {
        try
        {
            Futex.Wait(word, seen, timeout);
        }
        finally
        {
            Interlocked.Decrement(ref *sleepers);
        }
    }

    /// <summary>Stops counting the caller as a sleeper without sleeping (its condition held after <see cref="Enter"/>).</summary>
    public static void Leave(int* sleepers) => Interlocked.Decrement(ref *sleepers);
}
