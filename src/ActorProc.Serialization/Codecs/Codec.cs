using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs;

/// <summary>
/// Writes and reads the contents of one type (never its slot header: null, back-reference and
/// type manifest are handled by <see cref="ObjectWriter.WriteValue{T}"/> and its reader mirror).
/// Built once per type and serializer, then cached.
/// </summary>
internal abstract class Codec
{
    protected Codec(Type type)
    {
        Type = type;
        TracksReferences = !type.IsValueType;
    }

    /// <summary>The type this codec handles.</summary>
    public Type Type { get; }

    /// <summary>Whether instances get an object id so shared references and cycles survive.</summary>
    public bool TracksReferences { get; protected init; }

    /// <summary>Whether values are replaced by a surrogate on the wire.</summary>
    public bool IsSurrogated { get; protected init; }

    /// <summary>Resolves the codecs this one depends on. Called once, right after construction.</summary>
    public virtual void Initialize(CodecRegistry registry)
    {
    }

    /// <summary>Writes the contents of a boxed value.</summary>
    public abstract void WriteBoxed(ObjectWriter writer, object value);

    /// <summary>Reads the contents of a value and boxes it.</summary>
    public abstract object? ReadBoxed(ObjectReader reader);

    /// <summary>Writes a whole value including its slot header (used for roots).</summary>
    public abstract void WriteRoot(ObjectWriter writer, object? value);

    /// <summary>Reads a whole value including its slot header (used for roots).</summary>
    public abstract object? ReadRoot(ObjectReader reader);
}

/// <summary>A codec for values of static type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The handled type.</typeparam>
internal abstract class Codec<T> : Codec
{
    protected Codec()
        : base(typeof(T))
    {
    }

    /// <summary>Writes the contents of a non-null value.</summary>
    public abstract void Write(ObjectWriter writer, T value);

    /// <summary>Reads the contents of a value.</summary>
    public abstract T Read(ObjectReader reader);

    /// <inheritdoc />
    public override void WriteBoxed(ObjectWriter writer, object value) => Write(writer, (T)value);

    /// <inheritdoc />
    public override object? ReadBoxed(ObjectReader reader) => Read(reader);

    /// <inheritdoc />
    public override void WriteRoot(ObjectWriter writer, object? value) => writer.WriteValue(value is null ? default! : (T)value, this);

    /// <inheritdoc />
    public override object? ReadRoot(ObjectReader reader) => reader.ReadValue(this);
}
