using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Pipes;

/// <summary>What a <see cref="PipeData"/> item carries.</summary>
internal enum PipeItemKind : byte
{
    /// <summary>A serialized object (from <see cref="Connection.Send{T}"/>).</summary>
    Object,

    /// <summary>Raw bytes (from <see cref="Connection.SendBytes"/>).</summary>
    Bytes,

    /// <summary>The sending end was closed: nothing follows.</summary>
    Eof,

    /// <summary>On a direct link only: the sender sends elsewhere from now on (the link ends; no item).</summary>
    Detach,
}

/// <summary>
/// Sender to receiving endpoint: one item of a direction of the pipe, a whole message or a chunk of one
/// (<paramref name="More"/>: further chunks of the same message follow). <paramref name="Seq"/> numbers the
/// direction's items from 0, so an endpoint restores the order of items that reached it by different routes
/// (straight from the sender, or forwarded by the endpoint the receiving end held before).
/// </summary>
internal sealed record PipeData(long Seq, PipeItemKind Kind, bool More, byte[] Payload);

/// <summary>Connection to owner (ask): the end <paramref name="End"/> is used in the process of <paramref name="Endpoint"/>; move it there.</summary>
internal sealed record PipeAttach(int End, IActorRef Endpoint);

/// <summary>Owner to connection: the answer to <see cref="PipeAttach"/>; when not <paramref name="Ok"/>, <paramref name="Reason"/> says why.</summary>
internal sealed record PipeAttachReply(bool Ok, string? Reason);

/// <summary>Owner to the endpoint holding an end: give your state to the owner and forward later items to <paramref name="NewEndpoint"/>.</summary>
internal sealed record PipeHandOver(IActorRef NewEndpoint, IActorRef ReplyTo);

/// <summary>
/// Old endpoint to owner: the state of an end it held (or <paramref name="Closed"/> when the end was closed there):
/// the next sequence number to send, the first not yet received, whether the end of stream was received. The items
/// not yet received go straight to the new endpoint (each its own message, so no size limit applies).
/// </summary>
internal sealed record PipeCustody(bool Closed, long SendSeq, long RecvSeq, bool EofSeen);

/// <summary>Owner to the new endpoint of an end: its state, where its peer is, and whether the peer is closed.</summary>
internal sealed record PipeCustodyGrant(PipeCustody Custody, IActorRef Peer, bool PeerClosed);

/// <summary>Owner to the endpoint holding an end: the peer end moved to <paramref name="NewPeer"/>; send there from now on.</summary>
internal sealed record PipePeerMoved(IActorRef NewPeer);

/// <summary>Owner to the endpoint holding an end: the peer end was closed (sending is a broken pipe).</summary>
internal sealed record PipePeerClosed;

/// <summary>Sender to an old endpoint: nothing more will be sent to you; stop forwarding and go away.</summary>
internal sealed record PipeRetire;

/// <summary>Endpoint to owner: the end <paramref name="End"/> was closed by the process holding it, at <paramref name="Endpoint"/>.</summary>
internal sealed record PipeEndClosed(int End, IActorRef Endpoint);

/// <summary>Sender endpoint to receiving endpoint: offer me a direct socket to send you items on (<paramref name="Sender"/> is where to answer).</summary>
internal sealed record PipeLinkRequest(IActorRef Sender);

/// <summary>
/// Receiving endpoint to sender endpoint: connect to <paramref name="SocketPath"/> and present <paramref name="Token"/>
/// (single use, travelled over the authenticated remoting) to send items to <paramref name="Receiver"/> directly.
/// </summary>
internal sealed record PipeLinkOffer(string SocketPath, Guid Token, IActorRef Receiver);

/// <summary>Sender endpoint to receiving endpoint, over the remoting: I connected a direct link to you (its socket is attached soon).</summary>
internal sealed record PipeLinked;
