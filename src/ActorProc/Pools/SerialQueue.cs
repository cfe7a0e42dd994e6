using System.Collections.Concurrent;

namespace ActorProc.Multiprocessing.Pools;

/// <summary>
/// Runs posted actions one at a time, in order, on the thread pool: progress reports and user callbacks of one
/// job, off the caller's thread and off the threads that receive results. An action that throws is reported on
/// stderr (as Python reports an exception in a pool callback) and the next one runs.
/// </summary>
internal sealed class SerialQueue
{
    private readonly ConcurrentQueue<Action> _items = new();
    private int _running;

    /// <summary>Queues <paramref name="action"/>.</summary>
    public void Post(Action action)
    {
        _items.Enqueue(action);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => ((SerialQueue)s!).Drain(), this);
        }
    }

    private void Drain()
    {
        while (true)
        {
            while (_items.TryDequeue(out var action))
            {
                try
                {
                    action();
                }
                catch (Exception e)
                {
                    Console.Error.WriteLine($"[actorproc {Environment.ProcessId}] A pool callback or progress handler threw:{Environment.NewLine}{e}");
                }
            }

            Volatile.Write(ref _running, 0);
            if (_items.IsEmpty || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
            {
                return;
            }
        }
    }
}
