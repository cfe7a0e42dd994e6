namespace ActorProc.Actors;

/// <summary>Marks messages that the runtime handles itself before the actor sees them (PoisonPill, Kill, Identify).</summary>
public interface IAutoReceivedMessage
{
}

/// <summary>Marks messages whose arrival does not reset the receive timeout.</summary>
public interface INotInfluenceReceiveTimeout
{
}
