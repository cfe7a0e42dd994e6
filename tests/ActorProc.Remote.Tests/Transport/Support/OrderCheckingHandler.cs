using System.Buffers;
using System.Buffers.Binary;
using ActorProc.Remote.Transport;

namespace ActorProc.Remote.Tests.Transport.Support;

/// <summary>Expects frames whose first 4 bytes are 0, 1, 2, ... and signals after <c>expected</c> frames.</summary>
internal sealed class OrderCheckingHandler(int expected) : IFrameHandler
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _next;

    public Task AllReceived => _done.Task;

    /// <summary>-1, or the first index that arrived out of order.</summary>
    public int FirstOutOfOrder { get; private set; } = -1;

    public void OnFrame(in ReadOnlySequence<byte> frame)
    {
        Span<byte> header = stackalloc byte[4];
        frame.Slice(0, 4).CopyTo(header);
        int value = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (value != _next && FirstOutOfOrder < 0)
        {
            FirstOutOfOrder = value;
        }

        if (++_next == expected)
        {
            _done.TrySetResult();
        }
    }
}
