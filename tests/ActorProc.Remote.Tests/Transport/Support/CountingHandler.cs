using System.Buffers;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote.Tests.Transport.Support;

/// <summary>Counts frames and lets a single waiter await a target count (one waiter at a time).</summary>
internal sealed class CountingHandler : IFrameHandler
{
    private long _count;
    private long _target = long.MaxValue;
    private TaskCompletionSource? _signal;

    public long Count => Interlocked.Read(ref _count);

    public void OnFrame(in ReadOnlySequence<byte> frame)
    {
        long count = Interlocked.Increment(ref _count);
        if (count >= Interlocked.Read(ref _target))
        {
            Volatile.Read(ref _signal)?.TrySetResult();
        }
    }

    public Task WaitForCountAsync(long target)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _signal, signal);
        Interlocked.Exchange(ref _target, target);
        if (Count >= target)
        {
            signal.TrySetResult();
        }

        return signal.Task.Guard();
    }
}
