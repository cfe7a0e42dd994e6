using System.Collections.Concurrent;
using ActorProc.Actors.Dispatch;

namespace ActorProc.TestKit.Xunit2;

/// <summary>The messages a probe received and the test has not looked at yet.</summary>
internal sealed class ProbeQueue
{
    private readonly BlockingCollection<Envelope> _queue = new(new ConcurrentQueue<Envelope>());

    public int Count => _queue.Count;

    public void Add(Envelope envelope) => _queue.Add(envelope);

    public bool TryTake(out Envelope envelope, TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero)
        {
            timeout = TimeSpan.Zero;
        }

        return _queue.TryTake(out envelope, timeout);
    }
}
