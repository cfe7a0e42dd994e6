using System.Collections.Immutable;

namespace ActorProc.Serialization.Tests.Support;

/// <summary>Generates random object graphs of the supported shapes from a seed.</summary>
public sealed class GraphGenerator
{
    private readonly Random _random;
    private readonly List<object> _references = new();

    public GraphGenerator(int seed)
    {
        _random = new Random(seed);
    }

    public object? Next(int depth = 4)
    {
        if (_references.Count > 0 && _random.Next(12) == 0)
        {
            return _references[_random.Next(_references.Count)];
        }

        int pick = _random.Next(depth <= 0 ? 12 : 30);
        object? value = pick switch
        {
            0 => null,
            1 => _random.Next(int.MinValue, int.MaxValue),
            2 => _random.NextInt64(),
            3 => RandomString(),
            4 => _random.NextDouble() * 1e6,
            5 => _random.Next(2) == 0,
            6 => new Guid(Bytes(16)),
            7 => new DateTime(_random.NextInt64(DateTime.MaxValue.Ticks), (DateTimeKind)_random.Next(3)),
            8 => (decimal)_random.NextDouble() * 1000m,
            9 => Bytes(_random.Next(40)),
            10 => (Color)_random.Next(3),
            11 => TimeSpan.FromTicks(_random.NextInt64()),
            12 => Enumerable.Range(0, _random.Next(6)).Select(_ => _random.Next()).ToArray(),
            13 => Enumerable.Range(0, _random.Next(5)).Select(_ => Next(depth - 1)).ToList(),
            14 => Enumerable.Range(0, _random.Next(5)).ToDictionary(i => "k" + i, _ => Next(depth - 1)),
            15 => new Person(RandomString(), _random.Next(100), DateTime.UnixEpoch.AddDays(_random.Next(20000))),
            16 => new Point3 { X = _random.Next(), Y = _random.Next(), Z = _random.Next() },
            17 => NewNode(depth),
            18 => new Holder { Anything = Next(depth - 1), Shape = _random.Next(2) == 0 ? new Circle(RandomString(), _random.NextDouble()) : new Rect("r", 1, _random.Next(9)) },
            19 => Tuple.Create(_random.Next(), RandomString(), Next(depth - 1)),
            20 => (_random.Next(), RandomString()),
            21 => new HashSet<int>(Enumerable.Range(0, _random.Next(6)).Select(_ => _random.Next(50))),
            22 => new Money(_random.Next(1000), "EUR"),
            23 => Enumerable.Range(0, _random.Next(4)).Select(_ => Next(depth - 1)).ToArray(),
            24 => ImmutableList.CreateRange(Enumerable.Range(0, _random.Next(4)).Select(_ => RandomString())),
            25 => new Queue<string>(Enumerable.Range(0, _random.Next(4)).Select(_ => RandomString())),
            26 => (int?)_random.Next(),
            27 => new SortedDictionary<int, string>(Enumerable.Range(0, _random.Next(4)).ToDictionary(i => i, _ => RandomString())),
            28 => new int[_random.Next(3), _random.Next(3)],
            _ => new KeyValuePair<string, object?>(RandomString(), Next(depth - 1)),
        };
        if (value is not null && !value.GetType().IsValueType && value is not string)
        {
            _references.Add(value);
        }

        return value;
    }

    private Node NewNode(int depth)
    {
        var node = new Node { Value = Next(depth - 1) };
        _references.Add(node);
        if (_random.Next(3) == 0)
        {
            node.Next = node;
        }

        for (int i = _random.Next(3); i > 0; i--)
        {
            node.Children.Add(_random.Next(4) == 0 ? node : new Node { Value = RandomString() });
        }

        return node;
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string RandomString()
    {
        const string alphabet = "abcXYZ 0123éü€𝄞";
        int length = _random.Next(12);
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = alphabet[_random.Next(alphabet.Length - 2)];
        }

        return _random.Next(10) == 0 ? new string(chars) + "𝄞" : new string(chars);
    }
}
