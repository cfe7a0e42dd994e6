using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Types;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs;

/// <summary>Codec for <see cref="Type"/> values: a type reference, allow-list checked when read.</summary>
internal sealed class TypeCodec : Codec<Type>
{
    public TypeCodec()
    {
        TracksReferences = false;
    }

    public override void Write(ObjectWriter writer, Type value)
    {
        if (value.IsPointer || value.IsByRef || value.IsGenericParameter || value.IsFunctionPointer
            || (value.ContainsGenericParameters && !value.IsGenericTypeDefinition) || value.FullName is null)
        {
            throw PathException.NotSerializable(TypeNames.Friendly(value), "only named types, arrays and generic instances can be sent as Type values");
        }

        writer.WriteTypeRef(value);
    }

    public override Type Read(ObjectReader reader) => reader.ReadTypeRef();
}
