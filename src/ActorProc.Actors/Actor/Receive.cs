namespace ActorProc.Actors;

/// <summary>A behavior: handles a message and returns true, or returns false when it does not handle it.</summary>
public delegate bool Receive(object message);
