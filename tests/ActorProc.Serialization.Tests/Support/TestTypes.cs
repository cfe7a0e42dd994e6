namespace ActorProc.Serialization.Tests.Support;

public sealed record Person(string Name, int Age, DateTime Born);

public readonly record struct Money(decimal Amount, string Currency);

public sealed class Account
{
    private readonly string _owner;
    private readonly List<Money> _entries = new();

    public Account(string owner, int number)
    {
        _owner = owner;
        Number = number;
    }

    public int Number { get; init; }

    public string Owner => _owner;

    public IReadOnlyList<Money> Entries => _entries;

    public void Add(Money money) => _entries.Add(money);
}

public abstract class Shape
{
    protected Shape(string label)
    {
        Label = label;
    }

    public string Label { get; }

    public abstract double Area();
}

public sealed class Circle : Shape
{
    private readonly double _radius;

    public Circle(string label, double radius)
        : base(label)
    {
        _radius = radius;
    }

    public override double Area() => Math.PI * _radius * _radius;
}

public sealed class Rect : Shape
{
    public Rect(string label, double width, double height)
        : base(label)
    {
        Width = width;
        Height = height;
    }

    public double Width { get; }

    public double Height { get; }

    public override double Area() => Width * Height;
}

public interface IGreeter
{
    string Greet(string name);
}

public sealed class PoliteGreeter : IGreeter
{
    public string Prefix { get; init; } = "Dear";

    public string Greet(string name) => $"{Prefix} {name}";
}

public sealed class Node
{
    public object? Value { get; set; }

    public Node? Next { get; set; }

    public List<Node> Children { get; } = new();
}

public struct Point3
{
    public int X;
    public int Y;
    public int Z;
}

public sealed class Holder
{
    public object? Anything { get; set; }

    public Shape? Shape { get; set; }

    public IGreeter? Greeter { get; set; }
}

public enum Color : byte
{
    Red = 1,
    Green = 2,
    Blue = 200,
}

[Flags]
public enum Wide : ulong
{
    None = 0,
    Top = 1UL << 63,
}

public class OrderFailedException : Exception
{
    public OrderFailedException(string message, int orderId, Exception? inner = null)
        : base(message, inner)
    {
        OrderId = orderId;
    }

    public int OrderId { get; }
}

public interface IActorRefLike
{
    string Path { get; }
}

public sealed class FakeActorRef : IActorRefLike
{
    public FakeActorRef(string path, object? system)
    {
        Path = path;
        System = system;
    }

    public string Path { get; }

    public object? System { get; }
}

public sealed record Envelope(IActorRefLike Sender, object Message);

[NotSerializable]
public sealed class LocalOnly
{
    public int Value { get; set; }
}

public sealed class WithPointer
{
    public IntPtr Handle;
}

public sealed class WithStream
{
    public Stream? Body { get; set; }
}

public sealed class WithToken
{
    public CancellationToken Token { get; set; }
}

public sealed class WithItems
{
    public List<object?> Items { get; } = new();

    public Dictionary<string, object?> ByName { get; } = new();
}

public static class StaticFunctions
{
    public static int Double(int x) => x * 2;

    public static int Triple(int x) => x * 3;
}
