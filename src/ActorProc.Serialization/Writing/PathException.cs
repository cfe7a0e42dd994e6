using System.Text;

namespace ActorProc.Serialization.Writing;

/// <summary>
/// Internal carrier for a sender-side refusal. Each enclosing codec adds its path segment while
/// the exception unwinds; <see cref="Serializer"/> turns it into a <see cref="SerializationException"/>.
/// </summary>
internal sealed class PathException : Exception
{
    private readonly List<string> _segments = new();

    public PathException(string typeName, string detail)
        : base(detail)
    {
        TypeName = typeName;
        Detail = detail;
    }

    /// <summary>Friendly name of the offending value's type.</summary>
    public string TypeName { get; }

    /// <summary>Why the value cannot be serialized.</summary>
    public string Detail { get; }

    /// <summary>The path from the root, e.g. <c>root.items[3].name</c>.</summary>
    public string Path
    {
        get
        {
            var sb = new StringBuilder("root");
            for (int i = _segments.Count - 1; i >= 0; i--)
            {
                sb.Append(_segments[i]);
            }

            return sb.ToString();
        }
    }

    /// <summary>Creates the refusal for a type that cannot cross a process.</summary>
    public static PathException NotSerializable(string typeName, string reason) =>
        new(typeName, $"type {typeName} is not serializable ({reason})");

    /// <summary>Throws <see cref="NotSerializable"/>; called from generated code.</summary>
    public static void ThrowNotSerializable(string typeName, string reason) =>
        throw NotSerializable(typeName, reason);

    /// <summary>Adds a <c>.name</c> segment (outer segments are added later).</summary>
    public PathException AddField(string name)
    {
        _segments.Add("." + name);
        return this;
    }

    /// <summary>Adds an <c>[index]</c> segment.</summary>
    public PathException AddIndex(int index)
    {
        _segments.Add("[" + index + "]");
        return this;
    }

    /// <summary>Adds the field segment chosen by index; called from generated catch blocks.</summary>
    public static void AddFieldByIndex(PathException exception, int index, object names) =>
        exception.AddField(((string[])names)[index]);

    /// <summary>Builds the public exception.</summary>
    public SerializationException ToSerializationException() =>
        new($"{Path} ({TypeName}): {Detail}", this);
}
