using System.Runtime.CompilerServices;
using ActorProc.Serialization.Codecs;
using ActorProc.Serialization.Surrogates;
using ActorProc.Serialization.Types;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Reading;

/// <summary>Reference slots and type references (the mirror of the writer's half).</summary>
internal sealed partial class ObjectReader
{
    private static readonly object UnderConstruction = new();
    private readonly List<object?> _objects = new();
    private readonly List<Type> _types = new();
    private int _pendingId = -1;
    private int _depth;

    private void ResetTables()
    {
        _objects.Clear();
        _types.Clear();
        _pendingId = -1;
        _depth = 0;
    }

    /// <summary>Reads a value whose static type is <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T ReadValue<T>(Codec<T> codec)
    {
        if (typeof(T).IsValueType)
        {
            return codec.Read(this);
        }

        if (typeof(T) == typeof(string))
        {
            string? s = ReadString();
            return Unsafe.As<string?, T>(ref s);
        }

        return ReadReference(codec);
    }

    /// <summary>Helper used by generated field readers.</summary>
    public static T ReadField<T>(ObjectReader reader, object codec) =>
        reader.ReadValue(Unsafe.As<Codec<T>>(codec));

    private T ReadReference<T>(Codec<T> codec)
    {
        byte tag = ReadByte();
        switch (tag)
        {
            case WireTags.Null:
                return default!;
            case WireTags.BackReference:
                return Cast<T>(ResolveBackReference(ReadVarUInt32()));
            case WireTags.Declared:
                return ReadTracked(codec);
            case WireTags.Typed:
                Type type = ReadTypeRef();
                if (!typeof(T).IsAssignableFrom(type) || type.ContainsGenericParameters)
                {
                    throw Malformed($"type {type} is not a valid {typeof(T)}");
                }

                return Cast<T>(ReadTrackedBoxed(Registry.Get(type)));
            case WireTags.Surrogate:
                return Cast<T>(ReadSurrogate());
            default:
                throw Malformed($"unknown slot tag {tag}");
        }
    }

    private static T Cast<T>(object? value)
    {
        if (value is T typed)
        {
            return typed;
        }

        if (value is null && default(T) is null)
        {
            return default!;
        }

        throw Malformed($"expected a {typeof(T)} but found {value?.GetType().ToString() ?? "null"}");
    }

    private T ReadTracked<T>(Codec<T> codec)
    {
        int id = ReserveId(codec);
        Enter();
        T value = codec.Read(this);
        _depth--;
        Complete(id, value);
        return value;
    }

    private object? ReadTrackedBoxed(Codec codec)
    {
        int id = ReserveId(codec);
        Enter();
        object? value = codec.ReadBoxed(this);
        _depth--;
        Complete(id, value);
        return value;
    }

    private object? ReadSurrogate()
    {
        uint index = ReadVarUInt32();
        var surrogates = Registry.Surrogates;
        if (index >= (uint)surrogates.Count)
        {
            throw Malformed($"surrogate index {index} is out of range");
        }

        Enter();
        object? value = surrogates[(int)index].ReadFrom(this);
        _depth--;
        return value;
    }

    private int ReserveId(Codec codec)
    {
        if (!codec.TracksReferences || !Registry.Options.PreserveObjectReferences)
        {
            return -1;
        }

        int id = _objects.Count;
        _objects.Add(UnderConstruction);
        _pendingId = id;
        return id;
    }

    private void Complete(int id, object? value)
    {
        if (id >= 0)
        {
            _objects[id] = value;
        }

        _pendingId = -1;
    }

    /// <summary>
    /// Registers a freshly created instance under the id reserved for it, before its contents are
    /// read, so that cycles back to it resolve. Codecs call this right after creating the instance.
    /// </summary>
    public void Track(object instance)
    {
        if (_pendingId >= 0)
        {
            _objects[_pendingId] = instance;
            _pendingId = -1;
        }
    }

    /// <summary>Forgets the reserved id, for codecs that register their instance only at the end.</summary>
    public void SkipTracking() => _pendingId = -1;

    private object? ResolveBackReference(uint id)
    {
        if (id >= (uint)_objects.Count)
        {
            throw Malformed($"back-reference {id} points to no object");
        }

        object? value = _objects[(int)id];
        if (ReferenceEquals(value, UnderConstruction))
        {
            throw Malformed($"back-reference {id} points to an object that is still being built (a cycle through a value that cannot be pre-registered)");
        }

        return value;
    }

    private void Enter()
    {
        if (++_depth > Registry.Options.MaxDepth)
        {
            throw new SerializationException($"The data nests deeper than MaxDepth ({Registry.Options.MaxDepth}).");
        }
    }

    /// <summary>Reads a type reference; new types are resolved and checked against the allow-list.</summary>
    public Type ReadTypeRef()
    {
        uint index = ReadVarUInt32();
        if (index != 0)
        {
            index--;
            if (index < (uint)BuiltinTypes.Count)
            {
                return BuiltinTypes.Get((int)index);
            }

            index -= (uint)BuiltinTypes.Count;
            if (index >= (uint)_types.Count)
            {
                throw Malformed($"type index {index + BuiltinTypes.Count + 1} is unknown");
            }

            return _types[(int)index];
        }

        Enter();
        Type type = ReadTypeDescription();
        _depth--;
        Registry.EnsureAllowed(type);
        _types.Add(type);
        return type;
    }

    private Type ReadTypeDescription()
    {
        byte kind = ReadByte();
        switch (kind)
        {
            case WireTags.KindNamed:
                string assembly = ReadString() ?? throw Malformed("missing assembly name");
                string name = ReadString() ?? throw Malformed("missing type name");
                return TypeResolver.Resolve(assembly, name);
            case WireTags.KindArray:
                return TypeResolver.MakeArray(ReadTypeRef(), 1, szArray: true);
            case WireTags.KindMultiArray:
                Type element = ReadTypeRef();
                return TypeResolver.MakeArray(element, ReadByte(), szArray: false);
            case WireTags.KindGeneric:
                Type definition = ReadTypeRef();
                int count = ReadLength();
                if (count > 64)
                {
                    throw Malformed("too many generic arguments");
                }

                var args = new Type[count];
                for (int i = 0; i < count; i++)
                {
                    args[i] = ReadTypeRef();
                }

                return TypeResolver.MakeGeneric(definition, args);
            default:
                throw Malformed($"unknown type kind {kind}");
        }
    }
}
