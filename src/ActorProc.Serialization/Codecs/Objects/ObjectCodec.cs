using System.Runtime.CompilerServices;
using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs.Objects;

/// <summary>
/// Codec for classes, structs, records and tuples: all instance fields (private, readonly and
/// inherited included) through generated IL. Instances are created without running a constructor.
/// </summary>
/// <typeparam name="T">The handled type.</typeparam>
internal sealed class ObjectCodec<T> : Codec<T>
{
    private Action<ObjectWriter, T> _write = null!;
    private FieldsReader<T> _read = null!;

    public override void Initialize(CodecRegistry registry)
    {
        var fields = FieldLayout.GetFields(typeof(T));
        if (fields.Count == 0)
        {
            // Nothing to emit (a static lambda's closure class, a marker message): no dynamic method to compile.
            _write = static (_, _) => { };
            _read = static (ObjectReader _, ref T _) => { };
            return;
        }

        (_write, _read) = FieldEmitter.Emit<T>(fields, registry);
    }

    public override void Write(ObjectWriter writer, T value) => _write(writer, value);

    public override T Read(ObjectReader reader)
    {
        if (typeof(T).IsValueType)
        {
            T value = default!;
            _read(reader, ref value);
            return value;
        }

        var instance = (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
        reader.Track(instance!);
        _read(reader, ref instance);
        return instance;
    }
}
