namespace ActorProc.Serialization;

/// <summary>
/// Marks a type whose values must never be sent to another process. Serializing one throws a
/// <see cref="SerializationException"/> at the sender naming the path to the value.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = true)]
public sealed class NotSerializableAttribute : Attribute
{
}
