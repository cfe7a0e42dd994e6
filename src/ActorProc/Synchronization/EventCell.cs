using System.Runtime.CompilerServices;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// The state of an <see cref="Event"/> in shared memory, used directly by every process on the host that maps it: the
/// flag, a count of sets, and a futex word that waiters sleep on. A set wakes every thread waiting at that moment,
/// even when the flag is cleared again before one of them looks (each compares the count of sets with the one it saw).
/// </summary>
internal sealed unsafe class EventCell : ISyncCell<EventCell>
{

    private const int FlagWord = 0;
    private const int SequenceWord = 1;
    private const int SleepersWord = 2;
    private const int SetsWord = 3;

    private readonly int* _words;

    /// <summary>A view of the state at <paramref name="data"/> (zeroed memory is a clear event).</summary>
    public EventCell(nint data) => _words = (int*)data;

    /// <inheritdoc />
    public static EventCell At(nint data) => new(data);

    /// <inheritdoc />
    public static int Words => 4;

    /// <summary>Whether the flag is set.</summary>
    public bool IsSet => Volatile.Read(ref Word(FlagWord)) != 0;

    /// <summary>How many times the event was set: a waiter that saw another count was woken by a set.</summary>
    public int Sets => Volatile.Read(ref Word(SetsWord));

    /// <inheritdoc />
    public int Sequence => Volatile.Read(ref Word(SequenceWord));

    /// <summary>Sets the flag and wakes every waiter.</summary>
    public void Set()
    {
        Volatile.Write(ref Word(FlagWord), 1);
        Interlocked.Increment(ref Word(SetsWord));
        WakeAll();
    }

    /// <summary>Clears the flag.</summary>
    public void Clear() => Volatile.Write(ref Word(FlagWord), 0);

    /// <summary>
    /// Waits until the flag is set (or a set happened while waiting), at most <paramref name="timeout"/> (null: no
    /// limit): a short spin, then a futex sleep. Every wake-up checks <paramref name="gone"/> (the owner's end) first.
    /// </summary>
    /// <returns>True when set; false when the timeout passed first.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="gone"/> was cancelled.</exception>
    public bool Wait(TimeSpan? timeout, CancellationToken gone)
    {
        var set = new SetSince(this, Sets);
        return SleepWord.WaitFor(SequencePtr, SleepersPtr, ref set, timeout, gone);
    }

    /// <summary>True when the flag is set or a set happened since <paramref name="sets"/> was read.</summary>
    public bool WasSet(int sets) => IsSet || Sets != sets;

    /// <inheritdoc />
    public void WaitForChange(int seen, TimeSpan timeout)
    {
        SleepWord.Enter(SequencePtr, SleepersPtr);
        SleepWord.Sleep(SequencePtr, SleepersPtr, seen, timeout);
    }

    /// <inheritdoc />
    public void WakeAll() => SleepWord.WakeAll(SequencePtr, SleepersPtr);

    private int* SequencePtr => _words + SequenceWord;

    private int* SleepersPtr => _words + SleepersWord;

    private ref int Word(int index) => ref Unsafe.AsRef<int>(_words + index);

    private readonly struct SetSince(EventCell cell, int sets) : SleepWord.ICondition
    {
        public bool Ready => cell.WasSet(sets);

        public bool Try() => cell.WasSet(sets);
    }
}
