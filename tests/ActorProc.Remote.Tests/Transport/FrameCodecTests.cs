using System.Buffers;
using ActorProc.Remote.Transport;
using Xunit;

namespace ActorProc.Remote.Tests.Transport;

public sealed class FrameCodecTests
{
    [Fact]
    public void Header_split_across_segments_is_read_and_the_frame_is_sliced_without_copying()
    {
        byte[] wire = [5, 0, 0, 0, 10, 20, 30, 40, 50, 7];
        ReadOnlySequence<byte> buffer = Segmented(wire, 2, 5);

        FrameStatus status = FrameCodec.TryReadFrame(ref buffer, 100, out ReadOnlySequence<byte> frame, out int length);

        Assert.Equal(FrameStatus.Complete, status);
        Assert.Equal(5, length);
        Assert.Equal([10, 20, 30, 40, 50], frame.ToArray());
        Assert.False(frame.IsSingleSegment);
        Assert.Equal([7], buffer.ToArray());
    }

    [Fact]
    public void Single_segment_frame_points_into_the_receive_buffer()
    {
        byte[] wire = [3, 0, 0, 0, 1, 2, 3];
        var buffer = new ReadOnlySequence<byte>(wire);

        Assert.Equal(FrameStatus.Complete, FrameCodec.TryReadFrame(ref buffer, 100, out ReadOnlySequence<byte> frame, out _));

        Assert.True(frame.IsSingleSegment);
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(frame.First, out ArraySegment<byte> segment));
        Assert.Same(wire, segment.Array);
        Assert.Equal(4, segment.Offset);
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData(new byte[] { 1, 0 }, "Incomplete")]
    [InlineData(new byte[] { 4, 0, 0, 0, 1, 2 }, "Incomplete")]
    [InlineData(new byte[] { 0, 0, 0, 0 }, "InvalidLength")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, "InvalidLength")]
    [InlineData(new byte[] { 101, 0, 0, 0 }, "TooLarge")]
    public void Header_is_judged_before_the_payload_arrives(byte[] wire, string expected)
    {
        var buffer = new ReadOnlySequence<byte>(wire);

        Assert.Equal(Enum.Parse<FrameStatus>(expected), FrameCodec.TryReadFrame(ref buffer, 100, out _, out _));
        Assert.Equal(wire.Length, buffer.Length);
    }

    private static ReadOnlySequence<byte> Segmented(byte[] data, params int[] cuts)
    {
        var first = new Segment(data.AsMemory(0, cuts[0]), 0);
        Segment last = first;
        int start = cuts[0];
        foreach (int cut in cuts.Skip(1).Append(data.Length))
        {
            last = last.Append(data.AsMemory(start, cut - start));
            start = cut;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
