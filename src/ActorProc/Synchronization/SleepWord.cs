using System.Diagnostics;
using ActorProc.Multiprocessing.Native;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// A futex word and a count of its sleepers, in shared memory: the waking side moves the word on and makes the system
/// call only when someone sleeps. A sleeper counts itself before it reads the word and checks its condition, and the
/// waker moves the word on before it reads the count, so one of them always sees the other (no lost wake-up).
/// </summary>
internal static unsafe class SleepWord
{
    /// <summary>What a waiter waits for.</summary>
    public interface ICondition
    {
        /// <summary>A cheap look (no side effect): whether <see cref="Try"/> may succeed now.</summary>
        bool Ready { get; }

        /// <summary>Tries to get what the waiter waits for (a permit may be taken); true when done.</summary>
        bool Try();
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> succeeds, at most <paramref name="timeout"/> (null: no limit): a try,
    /// a spin (<see cref="WaitSpin"/>), then futex sleeps on <paramref name="word"/>, trying again after every wake-up. Every
    /// wake-up checks <paramref name="gone"/> (the owner's end) first.
    /// </summary>
    /// <returns>True when the condition succeeded; false when the timeout passed first.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="gone"/> was cancelled.</exception>
    public static bool WaitFor<TCondition>(int* word, int* sleepers, ref TCondition condition, TimeSpan? timeout, CancellationToken gone)
        where TCondition : struct, ICondition
    {
        if (condition.Try())
        {
            return true;
        }

        if (timeout == TimeSpan.Zero)
        {
            return false;
        }

        long start = Stopwatch.GetTimestamp();
        long deadline = timeout is { } t ? start + (long)(t.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;

        // On another core the waker is often microseconds away: a short spin saves two context switches.
        if (WaitSpin.Until(condition, static c => c.Ready && c.Try()))
        {
            return true;
        }

        while (true)
        {
            gone.ThrowIfCancellationRequested();
            long now = Stopwatch.GetTimestamp();
            if (now >= deadline)
            {
                return condition.Try();
            }

            int seen = Enter(word, sleepers);
            if (condition.Try())
            {
                Leave(sleepers);
                return true;
            }

            Sleep(word, sleepers, seen, deadline == long.MaxValue ? null : Stopwatch.GetElapsedTime(now, deadline));
            gone.ThrowIfCancellationRequested();
            if (condition.Try())
            {
                return true;
            }
        }
    }

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
