using ActorProc.Serialization.Reading;
using ActorProc.Serialization.Writing;

namespace ActorProc.Serialization.Codecs.Collections;

/// <summary>How a sequence-like collection is taken apart and rebuilt.</summary>
/// <typeparam name="TColl">The collection type.</typeparam>
/// <typeparam name="TBuilder">What is filled while reading (the collection itself when mutable).</typeparam>
/// <typeparam name="T">The element type.</typeparam>
internal sealed record SequenceShape<TColl, TBuilder, T>(
    Func<TColl, object?>? GetComparer,
    object? DefaultComparer,
    Func<TColl, IReadOnlyCollection<T>> Items,
    Func<object?, int, TBuilder> Create,
    Action<TBuilder, T> Add,
    Func<TBuilder, TColl>? Finish);

/// <summary>
/// Codec for HashSet, SortedSet, Queue, Stack, LinkedList, ConcurrentQueue, ReadOnlyCollection,
/// ImmutableList and ImmutableHashSet: optional comparer code, count, elements.
/// </summary>
/// <typeparam name="TColl">The collection type.</typeparam>
/// <typeparam name="TBuilder">What is filled while reading.</typeparam>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class SequenceCodec<TColl, TBuilder, T> : Codec<TColl>
    where TBuilder : notnull
{
    private readonly SequenceShape<TColl, TBuilder, T> _shape;
    private Codec<T> _element = null!;

    public SequenceCodec(SequenceShape<TColl, TBuilder, T> shape)
    {
        _shape = shape;
    }

    public override void Initialize(CodecRegistry registry) => _element = registry.Get<T>();

    public override void Write(ObjectWriter writer, TColl value)
    {
        if (_shape.GetComparer is not null)
        {
            ComparerCodec.Write(writer, _shape.GetComparer(value), _shape.DefaultComparer!);
        }

        var items = _shape.Items(value);
        writer.WriteLength(items.Count);
        int i = 0;
        foreach (var item in items)
        {
            try
            {
                writer.WriteValue(item, _element);
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
            throw new InvalidOperationException("The collection was modified while it was being serialized.");
        }
    }

    public override TColl Read(ObjectReader reader)
    {
        object? comparer = _shape.GetComparer is null ? null : ComparerCodec.Read<object>(reader);
        int count = reader.ReadLength();
        TBuilder builder = CollectionBuilder.Start(reader, _shape.Create, comparer, count, builtAtEnd: _shape.Finish is not null);

        for (int i = 0; i < count; i++)
        {
            _shape.Add(builder, reader.ReadValue(_element));
        }

        return _shape.Finish is null ? (TColl)(object)builder : _shape.Finish(builder);
    }
}
