using System.Runtime.CompilerServices;
using ActorProc.Multiprocessing.Native;

namespace ActorProc.Multiprocessing.Synchronization;

/// <summary>
/// The state of a <see cref="Semaphore"/> in shared memory, used directly by every process on the host that maps it:
/// the value, a futex word that sleepers wait on, and how many permits each process holds (for crash safety).
/// </summary>
/// <remarks>
/// <para>Updates run under a lock word that holds the pid of its holder, for a few instructions. A process killed
/// while holding it leaves it to the next process that finds the holder gone (or to the owner, told of the death),
/// which takes it over and first undoes the half-done update from the journal written before every update: the value
/// and the permit count are never left torn, whenever a process dies.</para>
/// <para>Permits are counted per process in slots (pid, count); a process owns at most one slot, and a slot whose
/// count is 0 is free. When a process dies the owner gives its permits back (<see cref="GiveBack"/>), never raising
/// the value above the initial value. A pid of 0 takes and releases without counting (the owner's own process, whose
/// death ends the semaphore anyway, and callers the owner counts itself). More than <see cref="Slots"/> processes holding
/// permits at once still work, but the permits of the ones without a slot are not given back when they die.</para>
/// <para>Pids identify processes across the host, so every process mapping the state must share one pid namespace (as
/// the processes of an ActorProc tree, and processes connecting to a manager on the same host, do).</para>
/// </remarks>
internal sealed unsafe class SemaphoreCell : ISyncCell<SemaphoreCell>
{
    /// <summary>How many processes can hold permits at once with crash safety; more still work, uncounted.</summary>
    public const int Slots = 240;

    private const int Size = SlotBase + (2 * Slots);

    internal const int LockWord = 0;
    internal const int ValueWord = 1;
    private const int SequenceWord = 2;
    private const int SleepersWord = 3;
    internal const int JournalActive = 4;
    internal const int JournalValue = 5;
    internal const int JournalSlot = 6;
    internal const int JournalCount = 7;
    private const int InitialWord = 8;
    private const int BoundedWord = 9;
    private const int SlotBase = 16;

    // Checking the lock holder's liveness costs a system call: only every so many spins on a held lock.
    private const int LivenessCheckInterval = 4096;

    private readonly int* _words;
    private readonly int _self = Environment.ProcessId;
    private int _slotHint;

    /// <summary>A view of the state at <paramref name="data"/> (mapped, at least <see cref="Size"/> words, 4-byte aligned).</summary>
    public SemaphoreCell(nint data) => _words = (int*)data;

    /// <inheritdoc />
    public static int Words => Size;

    /// <summary>The number of free permits.</summary>
    public int Value => Volatile.Read(ref Word(ValueWord));

    /// <inheritdoc />
    public static SemaphoreCell At(nint data) => new(data);

    /// <summary>Writes the initial state into zeroed memory (the creator, before anyone else sees it).</summary>
    public static void Initialize(nint data, int value, bool bounded)
    {
        var words = (int*)data;
        words[ValueWord] = value;
        words[InitialWord] = value;
        words[BoundedWord] = bounded ? 1 : 0;
        words[JournalSlot] = -1;
    }

    /// <summary>Takes a permit if one is free, counting it for <paramref name="pid"/> (0: not counted).</summary>
    public bool TryAcquire(int pid)
    {
        if (Value <= 0)
        {
            return false;
        }

        Lock();
        try
        {
            ref int value = ref Word(ValueWord);
            if (value <= 0)
            {
                return false;
            }

            int slot = pid == 0 ? -1 : SlotFor(pid);
            BeginUpdate(slot);
            value--;
            if (slot >= 0)
            {
                SlotPid(slot) = pid;
                SlotCount(slot)++;
            }

            EndUpdate();
            return true;
        }
        finally
        {
            Unlock();
        }
    }

    /// <summary>
    /// Takes a permit, waiting at most <paramref name="timeout"/> (null: no limit): a short spin, then a futex sleep.
    /// Every wake-up checks <paramref name="gone"/> (the owner's end) first.
    /// </summary>
    /// <returns>True when a permit was taken; false when the timeout passed.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="gone"/> was cancelled.</exception>
    public bool Acquire(int pid, TimeSpan? timeout, CancellationToken gone)
    {
        var permit = new FreePermit(this, pid);
        return SleepWord.WaitFor(SequenceWordPtr, SleepersPtr, ref permit, timeout, gone);
    }

    /// <summary>Gives a permit back (uncounting one of <paramref name="pid"/>'s, if it holds any) and wakes the sleepers.</summary>
    /// <returns><see cref="SyncResult.True"/>, or <see cref="SyncResult.Full"/> for a bounded semaphore at its initial value.</returns>
    public int Release(int pid)
    {
        Lock();
        try
        {
            ref int value = ref Word(ValueWord);
            if (Word(BoundedWord) != 0 && value >= Word(InitialWord))
            {
                return SyncResult.Full;
            }

            int slot = pid == 0 ? -1 : HeldSlotOf(pid);
            BeginUpdate(slot);
            value++;
            if (slot >= 0)
            {
                SlotCount(slot)--;
            }

            EndUpdate();
        }
        finally
        {
            Unlock();
        }

        WakeAll();
        return SyncResult.True;
    }

    /// <summary>
    /// Gives back the permits <paramref name="pid"/> (a process that died) held, never raising the value above the
    /// initial value, and takes over the lock first if that process died holding it.
    /// </summary>
    public void GiveBack(int pid)
    {
        if (Interlocked.CompareExchange(ref Word(LockWord), _self, pid) == pid)
        {
            Recover();
        }
        else
        {
            Lock();
        }

        bool gave = false;
        try
        {
            int slot = HeldSlotOf(pid);
            if (slot >= 0)
            {
                ref int value = ref Word(ValueWord);
                int give = Math.Min(SlotCount(slot), Math.Max(0, Word(InitialWord) - value));
                BeginUpdate(slot);
                value += give;
                SlotCount(slot) = 0;
                EndUpdate();
                gave = give > 0;
            }
        }
        finally
        {
            Unlock();
        }

        if (gave)
        {
            WakeAll();
        }
    }

    /// <summary>Gives back <paramref name="count"/> uncounted permits (never above the initial value).</summary>
    public void GiveBackUncounted(int count)
    {
        Lock();
        try
        {
            ref int value = ref Word(ValueWord);
            BeginUpdate(-1);
            value += Math.Min(count, Math.Max(0, Word(InitialWord) - value));
            EndUpdate();
        }
        finally
        {
            Unlock();
        }

        WakeAll();
    }

    /// <inheritdoc />
    public int Sequence => Volatile.Read(ref Word(SequenceWord));

    /// <inheritdoc />
    public void WaitForChange(int seen, TimeSpan timeout)
    {
        SleepWord.Enter(SequenceWordPtr, SleepersPtr);
        SleepWord.Sleep(SequenceWordPtr, SleepersPtr, seen, timeout);
    }

    /// <inheritdoc />
    public void WakeAll() => SleepWord.WakeAll(SequenceWordPtr, SleepersPtr);

    private int* SequenceWordPtr => _words + SequenceWord;

    private int* SleepersPtr => _words + SleepersWord;

    private ref int Word(int index) => ref Unsafe.AsRef<int>(_words + index);

    private ref int SlotPid(int slot) => ref Word(SlotBase + (2 * slot));

    private ref int SlotCount(int slot) => ref Word(SlotBase + (2 * slot) + 1);

    // The slot where pid holds permits, else a free one for it; -1 when every slot is taken (the permit goes uncounted).
    private int SlotFor(int pid)
    {
        int held = HeldSlotOf(pid);
        if (held >= 0)
        {
            return held;
        }

        for (int i = 0; i < Slots; i++)
        {
            if (SlotCount(i) == 0)
            {
                _slotHint = i;
                return i;
            }
        }

        return -1;
    }

    private int HeldSlotOf(int pid)
    {
        int hint = _slotHint;
        if (SlotPid(hint) == pid && SlotCount(hint) > 0)
        {
            return hint;
        }

        for (int i = 0; i < Slots; i++)
        {
            if (SlotPid(i) == pid && SlotCount(i) > 0)
            {
                return i;
            }
        }

        return -1;
    }

    // The journal: what an update may change, written before it starts; a process that takes the lock over from a dead
    // holder restores it (the update never happened) when it is still active.
    private void BeginUpdate(int slot)
    {
        Word(JournalValue) = Word(ValueWord);
        Word(JournalSlot) = slot;
        Word(JournalCount) = slot >= 0 ? SlotCount(slot) : 0;
        Volatile.Write(ref Word(JournalActive), 1);
    }

    private void EndUpdate() => Volatile.Write(ref Word(JournalActive), 0);

    private void Recover()
    {
        if (Volatile.Read(ref Word(JournalActive)) == 0)
        {
            return;
        }

        Word(ValueWord) = Word(JournalValue);
        int slot = Word(JournalSlot);
        if (slot >= 0)
        {
            SlotCount(slot) = Word(JournalCount);
        }

        Volatile.Write(ref Word(JournalActive), 0);
    }

    private void Lock()
    {
        if (Interlocked.CompareExchange(ref Word(LockWord), _self, 0) != 0)
        {
            LockContended();
        }
    }

    private void LockContended()
    {
        var spinner = default(SpinWait);
        for (int spins = 1; ; spins++)
        {
            int holder = Volatile.Read(ref Word(LockWord));
            if (holder == 0)
            {
                if (Interlocked.CompareExchange(ref Word(LockWord), _self, 0) == 0)
                {
                    return;
                }
            }
            else if (spins % LivenessCheckInterval == 0 && holder != _self && !Posix.Exists(holder)
                && Interlocked.CompareExchange(ref Word(LockWord), _self, holder) == holder)
            {
                // The holder died inside an update: undo it, then go on as the holder.
                Recover();
                return;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    private void Unlock() => Volatile.Write(ref Word(LockWord), 0);

    private readonly struct FreePermit(SemaphoreCell cell, int pid) : SleepWord.ICondition
    {
        public bool Ready => cell.Value > 0;

        public bool Try() => cell.TryAcquire(pid);
    }
}
