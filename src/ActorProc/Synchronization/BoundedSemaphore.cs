namespace ActorProc.Multiprocessing;

/// <summary>
/// A semaphore that refuses to go above its initial value, as Python's <c>multiprocessing.BoundedSemaphore</c>:
/// <see cref="Semaphore.Release"/> past the initial value throws <see cref="SemaphoreFullException"/>.
/// </summary>
public class BoundedSemaphore : Semaphore
{
    /// <summary>Creates a bounded semaphore owned by this process with <paramref name="value"/> permits.</summary>
    /// <param name="value">The initial (and maximum) number of permits.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public BoundedSemaphore(int value = 1)
        : base(value, bounded: true)
    {
    }
}
