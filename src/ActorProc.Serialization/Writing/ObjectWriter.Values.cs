using System.Runtime.CompilerServices;
using ActorProc.Serialization.Codecs;
using ActorProc.Serialization.Surrogates;
using ActorProc.Serialization.Types;

namespace ActorProc.Serialization.Writing;

/// <summary>Reference slots (null, back-references, polymorphism, surrogates) and type references.</summary>
internal sealed partial class ObjectWriter
{
    private Dictionary<object, int>? _objectIds;
    private Dictionary<Type, int>? _typeIds;
    private int _depth;

    private void ResetTables()
    {
        _objectIds?.Clear();
        _typeIds?.Clear();
        _depth = 0;
    }

    /// <summary>Writes a value whose static type is <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteValue<T>(T value, Codec<T> codec)
    {
        if (typeof(T).IsValueType)
        {
            codec.Write(this, value);
            return;
        }

        if (typeof(T) == typeof(string))
        {
            WriteString(Unsafe.As<T, string?>(ref value));
            return;
        }

        WriteReference(value, codec);
    }

    /// <summary>Helper used by generated field writers.</summary>
    public static void WriteField<T>(ObjectWriter writer, T value, object codec) =>
        writer.WriteValue(value, Unsafe.As<Codec<T>>(codec));

    private void WriteReference<T>(T value, Codec<T> codec)
    {
        if (value is null)
        {
            WriteByte(WireTags.Null);
            return;
        }

        if (value.GetType() == typeof(T) && !codec.IsSurrogated)
        {
            if (TryWriteBackReference(value, codec))
            {
                return;
            }

            WriteByte(WireTags.Declared);
            Enter(value);
            codec.Write(this, value);
            _depth--;
            return;
        }

        WritePolymorphic(value);
    }

    private void WritePolymorphic(object value)
    {
        Type runtimeType = value is Type ? typeof(Type) : value.GetType();
        Codec codec = Registry.Get(runtimeType);
        if (codec.IsSurrogated)
        {
            var surrogated = (ISurrogatedCodec)codec;
            WriteByte(WireTags.Surrogate);
            WriteVarUInt32((uint)surrogated.SurrogateIndex);
            Enter(value);
            codec.WriteBoxed(this, value);
            _depth--;
            return;
        }

        if (TryWriteBackReference(value, codec))
        {
            return;
        }

        WriteByte(WireTags.Typed);
        WriteTypeRef(runtimeType);
        Enter(value);
        codec.WriteBoxed(this, value);
        _depth--;
    }

    private bool TryWriteBackReference(object value, Codec codec)
    {
        if (!codec.TracksReferences || !Registry.Options.PreserveObjectReferences)
        {
            return false;
        }

        _objectIds ??= new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        if (_objectIds.TryGetValue(value, out int id))
        {
            WriteByte(WireTags.BackReference);
            WriteVarUInt32((uint)id);
            return true;
        }

        _objectIds.Add(value, _objectIds.Count);
        return false;
    }

    private void Enter(object value)
    {
        if (++_depth > Registry.Options.MaxDepth)
        {
            _depth = 0;
            string name = TypeNames.Friendly(value.GetType());
            throw new PathException(
                name,
                $"the object graph is deeper than MaxDepth ({Registry.Options.MaxDepth}); is there a cycle while PreserveObjectReferences is off?");
        }
    }

    /// <summary>Writes a type reference: an index for known types, a description the first time.</summary>
    public void WriteTypeRef(Type type)
    {
        if (BuiltinTypes.TryGetIndex(type, out int builtin))
        {
            WriteVarUInt32((uint)builtin + 1);
            return;
        }

        _typeIds ??= new Dictionary<Type, int>();
        if (_typeIds.TryGetValue(type, out int index))
        {
            WriteVarUInt32((uint)(BuiltinTypes.Count + index + 1));
            return;
        }

        WriteByte(0);
        if (type.IsArray)
        {
            if (type.IsSZArray)
            {
                WriteByte(WireTags.KindArray);
                WriteTypeRef(type.GetElementType()!);
            }
            else
            {
                WriteByte(WireTags.KindMultiArray);
                WriteTypeRef(type.GetElementType()!);
                WriteByte((byte)type.GetArrayRank());
            }
        }
        else if (type.IsConstructedGenericType)
        {
            WriteByte(WireTags.KindGeneric);
            WriteTypeRef(type.GetGenericTypeDefinition());
            var args = type.GetGenericArguments();
            WriteLength(args.Length);
            foreach (var arg in args)
            {
                WriteTypeRef(arg);
            }
        }
        else
        {
            var (assembly, fullName) = TypeNames.WireName(type);
            WriteByte(WireTags.KindNamed);
            WriteString(assembly);
            WriteString(fullName);
        }

        _typeIds.Add(type, _typeIds.Count);
    }
}
