using System.Buffers;

namespace ActorProc.Remote.Transport;

/// <summary>
/// Serializes one outbound item as the payload of one frame. Called by one thread at a time per
/// connection (the thread holding its writer role: a sender writing inline or the pool writer), so an
/// implementation needs no synchronisation per connection; it must not rely on running on a particular thread.
/// </summary>
/// <typeparam name="TOut">The outbound item type of the connection.</typeparam>
/// <param name="item">The item that was queued with <see cref="TransportConnection{TOut}.TrySend"/>.</param>
/// <param name="payload">
/// Destination for the payload bytes. The length prefix is written by the transport. The payload must
/// be between 1 byte and <see cref="TransportOptions.MaxFrameSize"/> bytes, otherwise the connection is
/// closed because a partially written frame cannot be taken back.
/// </param>
public delegate void FrameWriter<in TOut>(TOut item, IBufferWriter<byte> payload);
