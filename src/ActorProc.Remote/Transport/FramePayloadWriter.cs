using System.Buffers;
using System.IO.Pipelines;

namespace ActorProc.Remote.Transport;

/// <summary>
/// The <see cref="IBufferWriter{T}"/> handed to a <see cref="FrameWriter{TOut}"/>: forwards straight to
/// the connection's <see cref="PipeWriter"/> (no intermediate copy) and counts the payload bytes so the
/// reserved length prefix can be back-patched. One instance per connection, reused for every frame.
/// </summary>
internal sealed class FramePayloadWriter : IBufferWriter<byte>
{
    private readonly PipeWriter _inner;

    internal FramePayloadWriter(PipeWriter inner)
    {
        _inner = inner;
    }

    /// <summary>Bytes written since the last <see cref="Reset"/>.</summary>
    internal long Written { get; private set; }

    internal void Reset() => Written = 0;

    public void Advance(int count)
    {
        _inner.Advance(count);
        Written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => _inner.GetMemory(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => _inner.GetSpan(sizeHint);
}
