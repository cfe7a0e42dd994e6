// Python: s = Semaphore(3); s.acquire(); s.get_value(); s.release() ... and a BoundedSemaphore that refuses an extra release.
// A semaphore counts permits: Acquire takes one (waiting while none is free), Release gives one back,
// Value is Python's get_value(). The count is shared by every process holding the semaphore.
using mp = ActorProc.Multiprocessing;

var s = new mp.Semaphore(3);
s.Acquire();
Console.WriteLine($"after acquire: {s.Value}"); // 2
s.Release();
Console.WriteLine($"after release: {s.Value}"); // 3
s.Release();
Console.WriteLine($"after another release: {s.Value}"); // 4: a plain Semaphore may go above its start value

// A child process takes two permits; the main process sees the shared count go down, then up again.
var taken = new mp.Event();
var giveBack = new mp.Event();
var child = new mp.Process(() => Permits.TakeTwo(s, taken, giveBack));
child.Start();
taken.Wait();
Console.WriteLine($"while the child holds two permits: {s.Value}"); // 2
giveBack.Set();
child.Join();
Console.WriteLine($"after the child gave them back: {s.Value}"); // 4

// BoundedSemaphore: releasing more than was acquired is a bug, reported at once (Python: ValueError).
var bounded = new mp.BoundedSemaphore(3);
try
{
    bounded.Release();
}
catch (SemaphoreFullException)
{
    Console.WriteLine($"BoundedSemaphore(3).Release() without Acquire: SemaphoreFullException, value stays {bounded.Value}");
}

internal static class Permits
{
    public static void TakeTwo(mp.Semaphore s, mp.Event taken, mp.Event giveBack)
    {
        s.Acquire();
        s.Acquire();
        taken.Set();
        giveBack.Wait();
        s.Release();
        s.Release();
    }
}
