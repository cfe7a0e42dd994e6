using ActorProc.Serialization.Reading;

namespace ActorProc.Serialization.Codecs.Collections;

/// <summary>The start of reading any collection: its builder, made with the comparer from the data.</summary>
internal static class CollectionBuilder
{
    /// <summary>
    /// Creates the builder and registers it for back-references when it is the collection itself; a collection
    /// built only at the end (<paramref name="builtAtEnd"/>, e.g. immutable ones) cannot be referenced before then.
    /// </summary>
    /// <exception cref="SerializationException">The comparer in the data does not fit the collection.</exception>
    public static TBuilder Start<TBuilder>(ObjectReader reader, Func<object?, int, TBuilder> create, object? comparer, int count, bool builtAtEnd)
        where TBuilder : notnull
    {
        TBuilder builder;
        try
        {
            builder = create(comparer, count);
        }
        catch (InvalidCastException e)
        {
            throw new SerializationException("The comparer in the data does not fit the collection.", e);
        }

        if (builtAtEnd)
        {
            reader.SkipTracking();
        }
        else
        {
            reader.Track(builder);
        }

        return builder;
    }
}
