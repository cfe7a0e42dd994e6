namespace ActorProc.Multiprocessing.Protocol;

/// <summary>Parent to child: become this process and run it.</summary>
/// <param name="Payload">The serialized <see cref="Process"/> object (its target or its overridden <c>Run</c>).</param>
/// <param name="Info">Who the child is.</param>
internal sealed record RunTarget(byte[] Payload, ProcessInfo Info);
