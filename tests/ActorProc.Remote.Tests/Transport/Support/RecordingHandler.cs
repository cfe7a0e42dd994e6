using System.Buffers;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote.Tests.Transport.Support;

/// <summary>Copies every frame it receives and lets tests await a frame count.</summary>
internal sealed class RecordingHandler : IFrameHandler
{
    private readonly object _gate = new();
    private readonly List<byte[]> _frames = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _frames.Count;
            }
        }
    }

    public IReadOnlyList<byte[]> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    public void OnFrame(in ReadOnlySequence<byte> frame)
    {
        byte[] copy = frame.ToArray();
        lock (_gate)
        {
            _frames.Add(copy);
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_frames.Count >= _waiters[i].Count)
                {
                    _waiters[i].Signal.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public Task WaitForCountAsync(int count)
    {
        lock (_gate)
        {
            if (_frames.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.Guard();
        }
    }
}
