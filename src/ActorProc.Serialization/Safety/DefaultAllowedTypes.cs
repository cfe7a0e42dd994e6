using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Collections.ObjectModel;
using System.Numerics;

namespace ActorProc.Serialization.Safety;

/// <summary>The vetted framework types admitted by <see cref="TypeAllowList.CreateDefault"/>.</summary>
internal static class DefaultAllowedTypes
{
    /// <summary>The vetted types (generic ones as definitions; their arguments are checked separately).</summary>
    public static readonly Type[] All =
    [
        // primitives and values
        typeof(object), typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int),
        typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(char),
        typeof(string), typeof(Half), typeof(Int128), typeof(UInt128), typeof(DateTime), typeof(DateTimeOffset),
        typeof(TimeSpan), typeof(DateOnly), typeof(TimeOnly), typeof(Guid), typeof(Uri), typeof(Version),
        typeof(BigInteger), typeof(Type), typeof(Nullable<>), typeof(ValueType), typeof(Enum),

        // collections
        typeof(List<>), typeof(Dictionary<,>), typeof(HashSet<>), typeof(Queue<>), typeof(Stack<>), typeof(LinkedList<>),
        typeof(SortedDictionary<,>), typeof(SortedList<,>), typeof(SortedSet<>), typeof(ConcurrentDictionary<,>),
        typeof(ConcurrentQueue<>), typeof(ReadOnlyCollection<>), typeof(ImmutableArray<>), typeof(ImmutableList<>),
        typeof(ImmutableDictionary<,>), typeof(ImmutableHashSet<>), typeof(KeyValuePair<,>),
        typeof(IEnumerable<>), typeof(ICollection<>), typeof(IList<>), typeof(IReadOnlyCollection<>), typeof(IReadOnlyList<>),
        typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>), typeof(ISet<>), typeof(IReadOnlySet<>),
        typeof(System.Collections.IEnumerable), typeof(System.Collections.ICollection), typeof(System.Collections.IList),
        typeof(System.Collections.IDictionary), typeof(IComparable), typeof(IComparable<>), typeof(IEquatable<>),

        // tuples
        typeof(Tuple<>), typeof(Tuple<,>), typeof(Tuple<,,>), typeof(Tuple<,,,>), typeof(Tuple<,,,,>), typeof(Tuple<,,,,,>),
        typeof(Tuple<,,,,,,>), typeof(Tuple<,,,,,,,>), typeof(ValueTuple), typeof(ValueTuple<>), typeof(ValueTuple<,>),
        typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>), typeof(ValueTuple<,,,,>), typeof(ValueTuple<,,,,,>),
        typeof(ValueTuple<,,,,,,>), typeof(ValueTuple<,,,,,,,>),

        // delegate types (the method behind a delegate is checked separately)
        typeof(Delegate), typeof(MulticastDelegate), typeof(Action), typeof(Action<>), typeof(Action<,>), typeof(Action<,,>),
        typeof(Action<,,,>), typeof(Action<,,,,>), typeof(Action<,,,,,>), typeof(Action<,,,,,,>), typeof(Action<,,,,,,,>),
        typeof(Func<>), typeof(Func<,>), typeof(Func<,,>), typeof(Func<,,,>), typeof(Func<,,,,>), typeof(Func<,,,,,>),
        typeof(Func<,,,,,,>), typeof(Func<,,,,,,,>), typeof(Func<,,,,,,,,>), typeof(Predicate<>), typeof(Comparison<>),
        typeof(Converter<,>),

        // exceptions
        typeof(Exception), typeof(SystemException), typeof(ApplicationException), typeof(ArgumentException),
        typeof(ArgumentNullException), typeof(ArgumentOutOfRangeException), typeof(InvalidOperationException),
        typeof(NotSupportedException), typeof(NotImplementedException), typeof(TimeoutException), typeof(KeyNotFoundException),
        typeof(FormatException), typeof(AggregateException), typeof(ArithmeticException), typeof(DivideByZeroException),
        typeof(OverflowException), typeof(NullReferenceException), typeof(IndexOutOfRangeException), typeof(InvalidCastException),
        typeof(ObjectDisposedException), typeof(OperationCanceledException), typeof(UnauthorizedAccessException),
        typeof(IOException), typeof(FileNotFoundException), typeof(DirectoryNotFoundException), typeof(EndOfStreamException),
        typeof(InvalidDataException), typeof(RankException), typeof(ArrayTypeMismatchException), typeof(PlatformNotSupportedException),
    ];
}
