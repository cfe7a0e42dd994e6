using ActorProc.Actors;

namespace ActorProc.Multiprocessing.Managers;

// Messages between a Manager (in any process) and its server actor (/system/manager in the manager process).

/// <summary>
/// Asks the server to create an object: <paramref name="Creation"/> is a serialized <see cref="ManagerCreation"/>. It
/// travels as bytes so that a creation naming a type the manager process does not have is answered with that error
/// instead of being dropped by remoting. The reply is the created object (a handle, or an owner ref for a proxy), or a
/// <see cref="Status.Failure"/>.
/// </summary>
internal sealed record ManagerCreate(byte[] Creation);

/// <summary>Asks the server for the owner of its namespace called <paramref name="Name"/>, made on first use (replied with its ref).</summary>
internal sealed record ManagerNamedNamespace(string Name);

/// <summary>Asks the server who it is (replied with <see cref="ManagerInfo"/>); <see cref="Manager.Connect"/> checks it reached a manager.</summary>
internal sealed record ManagerHello;

/// <summary>The server's reply to <see cref="ManagerHello"/>: the address it listens at.</summary>
internal sealed record ManagerInfo(string Address);

/// <summary>Stops the manager: the server replies <see cref="ManagerStopping"/> and its process then ends.</summary>
internal sealed record ManagerShutdown;

/// <summary>The server's reply to <see cref="ManagerShutdown"/>.</summary>
internal sealed record ManagerStopping;

/// <summary>From a new manager process to the process that started it: the server is ready at <paramref name="Address"/>.</summary>
internal sealed record ManagerStarted(IActorRef Server, string Address);

/// <summary>From a new manager process to the process that started it: the server could not start (e.g. the port is in use).</summary>
internal sealed record ManagerStartFailed(string Reason);
