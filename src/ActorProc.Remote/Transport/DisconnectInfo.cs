namespace ActorProc.Remote.Transport;

/// <summary>The outcome of a finished <see cref="TransportConnection{TOut}"/>.</summary>
/// <param name="Reason">The first reason that ended the connection; later failures are ignored.</param>
/// <param name="Detail">A human readable explanation, also written to the log.</param>
/// <param name="Exception">The exception behind the disconnect, if there was one.</param>
public sealed record DisconnectInfo(DisconnectReason Reason, string Detail, Exception? Exception);
