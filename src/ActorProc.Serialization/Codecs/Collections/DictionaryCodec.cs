using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs.Collections;

/// <summary>How a dictionary-like collection is taken apart and rebuilt.</summary>
/// <typeparam name="TDict">The collection type.</typeparam>
/// <typeparam name="TBuilder">The mutable dictionary filled while reading.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed record DictionaryShape<TDict, TBuilder, TKey, TValue>(
    Func<TDict, object?> GetComparer,
    object DefaultComparer,
    Func<TDict, IReadOnlyCollection<KeyValuePair<TKey, TValue>>> Items,
    Func<object?, int, TBuilder> Create,
    Func<TBuilder, TDict>? Finish)
    where TBuilder : IDictionary<TKey, TValue>;

/// <summary>
/// Codec for Dictionary, SortedDictionary, SortedList, ConcurrentDictionary and ImmutableDictionary:
/// comparer code, count, then key/value pairs.
/// </summary>
/// <typeparam name="TDict">The collection type.</typeparam>
/// <typeparam name="TBuilder">The mutable dictionary filled while reading.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
internal sealed class DictionaryCodec<TDict, TBuilder, TKey, TValue> : Codec<TDict>
    where TBuilder : IDictionary<TKey, TValue>
{
    private readonly DictionaryShape<TDict, TBuilder, TKey, TValue> _shape;
    private Codec<TKey> _key = null!;
    private Codec<TValue> _value = null!;

    public DictionaryCodec(DictionaryShape<TDict, TBuilder, TKey, TValue> shape)
    {
        _shape = shape;
    }

    public override void Initialize(CodecRegistry registry)
    {
        _key = registry.Get<TKey>();
        _value = registry.Get<TValue>();
    }

    public override void Write(ObjectWriter writer, TDict value)
    {
        ComparerCodec.Write(writer, _shape.GetComparer(value), _shape.DefaultComparer);
        var items = _shape.Items(value);
        writer.WriteLength(items.Count);
        int i = 0;
        foreach (var pair in items)
        {
            try
            {
                try
                {
                    writer.WriteValue(pair.Key, _key);
                }
                catch (PathException e)
                {
                    e.AddField("key");
                    throw;
                }

                try
                {
                    writer.WriteValue(pair.Value, _value);
                }
                catch (PathException e)
                {
                    e.AddField("value");
                    throw;
                }
            }
            catch (PathException e)
            {
                e.AddIndex(i);
                throw;
            }

            i++;
        }

        if (i != items.Count)
        {
            throw new InvalidOperationException("The dictionary was modified while it was being serialized.");
        }
    }

    public override TDict Read(ObjectReader reader)
    {
        object? comparer = ComparerCodec.Read<object>(reader);
        int count = reader.ReadLength(2);
        TBuilder builder = CollectionBuilder.Start(reader, _shape.Create, comparer, count, builtAtEnd: _shape.Finish is not null);

        for (int i = 0; i < count; i++)
        {
            TKey key = reader.ReadValue(_key) ?? throw ObjectReader.Malformed("null dictionary key");
            builder[key] = reader.ReadValue(_value);
        }

        return _shape.Finish is null ? (TDict)(object)builder : _shape.Finish(builder);
    }
}
