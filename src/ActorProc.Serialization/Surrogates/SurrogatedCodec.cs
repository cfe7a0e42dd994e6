using ActorProc.Serialization.Codecs;
using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Surrogates;

/// <summary>Marks a codec whose values travel as a surrogate.</summary>
internal interface ISurrogatedCodec
{
    /// <summary>Index of the surrogate in the options (written on the wire).</summary>
    int SurrogateIndex { get; }
}

/// <summary>Codec for a type covered by a surrogate: writes and reads the surrogate value instead.</summary>
/// <typeparam name="T">The replaced type.</typeparam>
internal sealed class SurrogatedCodec<T> : Codec<T>, ISurrogatedCodec
{
    private readonly Surrogate _surrogate;

    public SurrogatedCodec(Surrogate surrogate, int index)
    {
        _surrogate = surrogate;
        SurrogateIndex = index;
        IsSurrogated = true;
        TracksReferences = false;
    }

    public int SurrogateIndex { get; }

    public override void Write(ObjectWriter writer, T value) => _surrogate.WriteTo(writer, value!);

    public override T Read(ObjectReader reader) => _surrogate.ReadFrom(reader) switch
    {
        T value => value,
        null when default(T) is null => default!,
        _ => throw ObjectReader.Malformed($"the surrogate did not produce a {typeof(T)}"),
    };
}
