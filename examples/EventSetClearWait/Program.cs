// Python: e = Event(); e.clear(), e.wait(timeout=1), e.set(), e.is_set() used by several processes.
// An Event is a flag shared by processes: Wait blocks until it is set (or the timeout passes), Set wakes every
// waiter and keeps the flag up, Clear lowers it again.
using mp = ActorProc.Multiprocessing;

var e = new mp.Event();
Console.WriteLine($"is_set at the start: {e.IsSet}");

// wait(timeout): answers False when nobody set the event in time.
Console.WriteLine($"wait(0.2 s) with nobody to set it: {e.Wait(TimeSpan.FromSeconds(0.2))}");

// Two waiters in other processes, and a child that sets the event after some work.
var waiters = Enumerable.Range(1, 2).Select(i => new mp.Process(() => Signals.WaitFor(i, e))).ToList();
waiters.ForEach(w => w.Start());
var setter = new mp.Process(() => Signals.SetAfterWork(e));
setter.Start();

// The main process waits too; all three are woken by the one Set.
Console.WriteLine($"main: wait() returned {e.Wait()}");
setter.Join();
waiters.ForEach(w => w.Join());

// Set stays set: later waits return at once, until Clear.
Console.WriteLine($"is_set after set: {e.IsSet}, wait(0): {e.Wait(TimeSpan.Zero)}");
e.Clear();
Console.WriteLine($"is_set after clear: {e.IsSet}, wait(0): {e.Wait(TimeSpan.Zero)}");

internal static class Signals
{
    public static void WaitFor(int id, mp.Event e)
    {
        Console.WriteLine($"waiter {id}: waiting");
        bool set = e.Wait(TimeSpan.FromSeconds(30));
        Console.WriteLine($"waiter {id}: woken, event set = {set}");
    }

    public static void SetAfterWork(mp.Event e)
    {
        Thread.Sleep(300); // some work before the signal
        Console.WriteLine("setter: set");
        e.Set();
    }
}
