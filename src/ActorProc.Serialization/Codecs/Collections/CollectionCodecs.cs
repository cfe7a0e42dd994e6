using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Reflection;

namespace ActorProc.Serialization.Codecs.Collections;

/// <summary>Builds codecs for the supported generic collections.</summary>
internal static class CollectionCodecs
{
    /// <summary>Returns a codec for a supported collection type, or null.</summary>
    public static Codec? TryCreate(Type type)
    {
        if (!type.IsConstructedGenericType)
        {
            return null;
        }

        Type definition = type.GetGenericTypeDefinition();
        Type[] args = type.GetGenericArguments();
        if (definition == typeof(List<>))
        {
            return CodecFactory.Make(typeof(ListCodec<>), args);
        }

        if (definition == typeof(ImmutableArray<>))
        {
            return CodecFactory.Make(typeof(ImmutableArrayCodec<>), args);
        }

        string? factory = definition switch
        {
            _ when definition == typeof(Dictionary<,>) => nameof(Dictionary),
            _ when definition == typeof(SortedDictionary<,>) => nameof(SortedDictionary),
            _ when definition == typeof(SortedList<,>) => nameof(SortedList),
            _ when definition == typeof(ConcurrentDictionary<,>) => nameof(ConcurrentDictionary),
            _ when definition == typeof(ImmutableDictionary<,>) => nameof(ImmutableDictionary),
            _ when definition == typeof(HashSet<>) => nameof(HashSet),
            _ when definition == typeof(SortedSet<>) => nameof(SortedSet),
            _ when definition == typeof(Queue<>) => nameof(Queue),
            _ when definition == typeof(Stack<>) => nameof(Stack),
            _ when definition == typeof(LinkedList<>) => nameof(LinkedList),
            _ when definition == typeof(ConcurrentQueue<>) => nameof(ConcurrentQueue),
            _ when definition == typeof(ReadOnlyCollection<>) => nameof(ReadOnlyCollection),
            _ when definition == typeof(ImmutableList<>) => nameof(ImmutableList),
            _ when definition == typeof(ImmutableHashSet<>) => nameof(ImmutableHashSet),
            _ => null,
        };
        if (factory is null)
        {
            return null;
        }

        var method = typeof(CollectionCodecs).GetMethod(factory, BindingFlags.NonPublic | BindingFlags.Static)!;
        return (Codec)method.MakeGenericMethod(args).Invoke(null, null)!;
    }

    private static Codec Dictionary<TKey, TValue>()
        where TKey : notnull =>
        new DictionaryCodec<Dictionary<TKey, TValue>, Dictionary<TKey, TValue>, TKey, TValue>(new(
            d => d.Comparer, EqualityComparer<TKey>.Default, d => d,
            (c, n) => new Dictionary<TKey, TValue>(n, (IEqualityComparer<TKey>?)c), null));

    private static Codec SortedDictionary<TKey, TValue>()
        where TKey : notnull =>
        new DictionaryCodec<SortedDictionary<TKey, TValue>, SortedDictionary<TKey, TValue>, TKey, TValue>(new(
            d => d.Comparer, Comparer<TKey>.Default, d => d,
            (c, _) => new SortedDictionary<TKey, TValue>((IComparer<TKey>?)c), null));

    private static Codec SortedList<TKey, TValue>()
        where TKey : notnull =>
        new DictionaryCodec<SortedList<TKey, TValue>, SortedList<TKey, TValue>, TKey, TValue>(new(
            d => d.Comparer, Comparer<TKey>.Default, d => d,
            (c, n) => new SortedList<TKey, TValue>(n, (IComparer<TKey>?)c), null));

    private static Codec ConcurrentDictionary<TKey, TValue>()
        where TKey : notnull =>
        new DictionaryCodec<ConcurrentDictionary<TKey, TValue>, ConcurrentDictionary<TKey, TValue>, TKey, TValue>(new(
            d => d.Comparer, EqualityComparer<TKey>.Default, d => d.ToArray(),
            (c, _) => new ConcurrentDictionary<TKey, TValue>((IEqualityComparer<TKey>?)c), null));

    private static Codec ImmutableDictionary<TKey, TValue>()
        where TKey : notnull =>
        new DictionaryCodec<ImmutableDictionary<TKey, TValue>, Dictionary<TKey, TValue>, TKey, TValue>(new(
            d => d.KeyComparer, EqualityComparer<TKey>.Default, d => d,
            (c, n) => new Dictionary<TKey, TValue>(n, (IEqualityComparer<TKey>?)c),
            b => System.Collections.Immutable.ImmutableDictionary.CreateRange(b.Comparer, b)));

    private static Codec HashSet<T>() =>
        new SequenceCodec<HashSet<T>, HashSet<T>, T>(new(
            s => s.Comparer, EqualityComparer<T>.Default, s => s,
            (c, n) => new HashSet<T>(n, (IEqualityComparer<T>?)c), (s, x) => s.Add(x), null));

    private static Codec SortedSet<T>() =>
        new SequenceCodec<SortedSet<T>, SortedSet<T>, T>(new(
            s => s.Comparer, Comparer<T>.Default, s => s,
            (c, _) => new SortedSet<T>((IComparer<T>?)c), (s, x) => s.Add(x), null));

    private static Codec Queue<T>() =>
        new SequenceCodec<Queue<T>, Queue<T>, T>(new(
            null, null, q => q, (_, n) => new Queue<T>(n), (q, x) => q.Enqueue(x), null));

    // A stack enumerates top first; writing it bottom first lets Push restore the order.
    private static Codec Stack<T>() =>
        new SequenceCodec<Stack<T>, Stack<T>, T>(new(
            null, null, s => s.Reverse().ToArray(), (_, n) => new Stack<T>(n), (s, x) => s.Push(x), null));

    private static Codec LinkedList<T>() =>
        new SequenceCodec<LinkedList<T>, LinkedList<T>, T>(new(
            null, null, l => l, (_, _) => new LinkedList<T>(), (l, x) => l.AddLast(x), null));

    private static Codec ConcurrentQueue<T>() =>
        new SequenceCodec<ConcurrentQueue<T>, ConcurrentQueue<T>, T>(new(
            null, null, q => q.ToArray(), (_, _) => new ConcurrentQueue<T>(), (q, x) => q.Enqueue(x), null));

    private static Codec ReadOnlyCollection<T>() =>
        new SequenceCodec<ReadOnlyCollection<T>, List<T>, T>(new(
            null, null, c => c, (_, n) => new List<T>(n), (l, x) => l.Add(x), l => l.AsReadOnly()));

    private static Codec ImmutableList<T>() =>
        new SequenceCodec<ImmutableList<T>, List<T>, T>(new(
            null, null, c => c, (_, n) => new List<T>(n), (l, x) => l.Add(x), System.Collections.Immutable.ImmutableList.CreateRange));

    private static Codec ImmutableHashSet<T>() =>
        new SequenceCodec<ImmutableHashSet<T>, HashSet<T>, T>(new(
            s => s.KeyComparer, EqualityComparer<T>.Default, s => s,
            (c, n) => new HashSet<T>(n, (IEqualityComparer<T>?)c), (s, x) => s.Add(x),
            b => System.Collections.Immutable.ImmutableHashSet.CreateRange(b.Comparer, b)));
}
