namespace ActorProc.Remote.Transport;

/// <summary>A live connection a <see cref="FaultInjector"/> can disconnect.</summary>
internal interface IFaultTarget
{
    /// <summary>Closes the connection with <see cref="DisconnectReason.FaultInjected"/>.</summary>
    void InjectDisconnect();
}
