namespace ActorProc.Configuration;

/// <summary>
/// An immutable, fully resolved HOCON value: an object, array, string, number, boolean or null.
/// </summary>
public sealed class HoconValue
{
    private static readonly IReadOnlyList<HoconValue> NoElements = [];

    private readonly string? _text;
    private readonly IReadOnlyList<HoconValue>? _elements;
    private readonly OrderedDictionary<string, HoconValue>? _fields;

    private HoconValue(HoconValueType type, string? text, IReadOnlyList<HoconValue>? elements, OrderedDictionary<string, HoconValue>? fields)
    {
        Type = type;
        _text = text;
        _elements = elements;
        _fields = fields;
    }

    /// <summary>The shared <c>null</c> value.</summary>
    public static HoconValue Null { get; } = new(HoconValueType.Null, null, null, null);

    internal static HoconValue True { get; } = new(HoconValueType.Boolean, "true", null, null);

    internal static HoconValue False { get; } = new(HoconValueType.Boolean, "false", null, null);

    internal static HoconValue EmptyObject { get; } = new(HoconValueType.Object, null, null, new OrderedDictionary<string, HoconValue>(0, StringComparer.Ordinal));

    /// <summary>The kind of this value.</summary>
    public HoconValueType Type { get; }

    /// <summary>True when this value is an object.</summary>
    public bool IsObject => Type == HoconValueType.Object;

    /// <summary>True when this value is an array.</summary>
    public bool IsArray => Type == HoconValueType.Array;

    /// <summary>True when this value is a string.</summary>
    public bool IsString => Type == HoconValueType.String;

    /// <summary>True when this value is a number.</summary>
    public bool IsNumber => Type == HoconValueType.Number;

    /// <summary>True when this value is a boolean.</summary>
    public bool IsBoolean => Type == HoconValueType.Boolean;

    /// <summary>True when this value is <c>null</c>.</summary>
    public bool IsNull => Type == HoconValueType.Null;

    /// <summary>True for strings, numbers and booleans.</summary>
    public bool IsScalar => Type is HoconValueType.String or HoconValueType.Number or HoconValueType.Boolean;

    /// <summary>
    /// The text of a scalar: the string itself, a number as written in the source, or <c>true</c>/<c>false</c>.
    /// Returns <c>null</c> for the null value.
    /// </summary>
    /// <returns>The scalar text, or <c>null</c>.</returns>
    /// <exception cref="InvalidOperationException">The value is an object or an array.</exception>
    public string? GetString()
    {
        if (IsObject || IsArray)
        {
            throw new InvalidOperationException($"A HOCON {Type.ToString().ToLowerInvariant()} has no string value.");
        }

        return _text;
    }

    /// <summary>The elements of an array value.</summary>
    /// <returns>The elements in order.</returns>
    /// <exception cref="InvalidOperationException">The value is not an array.</exception>
    public IReadOnlyList<HoconValue> GetArray() =>
        _elements ?? throw new InvalidOperationException($"A HOCON {Type.ToString().ToLowerInvariant()} is not an array.");

    /// <summary>The fields of an object value, in definition order.</summary>
    /// <returns>A read-only view of the fields.</returns>
    /// <exception cref="InvalidOperationException">The value is not an object.</exception>
    public IReadOnlyDictionary<string, HoconValue> GetObject() =>
        _fields ?? throw new InvalidOperationException($"A HOCON {Type.ToString().ToLowerInvariant()} is not an object.");

    /// <summary>Renders this value as HOCON text that parses back to an equal value.</summary>
    /// <returns>The HOCON text.</returns>
    public override string ToString() => HoconRenderer.RenderValue(this, 0);

    internal static HoconValue FromString(string text) => new(HoconValueType.String, text, null, null);

    internal static HoconValue FromNumberText(string text) => new(HoconValueType.Number, text, null, null);

    internal static HoconValue FromBoolean(bool value) => value ? True : False;

    internal static HoconValue FromArray(IReadOnlyList<HoconValue> elements) =>
        new(HoconValueType.Array, null, elements.Count == 0 ? NoElements : elements, null);

    internal static HoconValue FromObject(OrderedDictionary<string, HoconValue> fields) =>
        new(HoconValueType.Object, null, null, fields);

    /// <summary>
    /// Merges two objects: fields of <paramref name="overrides"/> win, nested objects are merged recursively,
    /// fields keep the order of <paramref name="baseObject"/> followed by new ones.
    /// </summary>
    internal static HoconValue MergeObjects(HoconValue baseObject, HoconValue overrides)
    {
        var baseFields = baseObject._fields!;
        var overrideFields = overrides._fields!;
        if (overrideFields.Count == 0)
        {
            return baseObject;
        }

        if (baseFields.Count == 0)
        {
            return overrides;
        }

        var merged = new OrderedDictionary<string, HoconValue>(baseFields.Count + overrideFields.Count, StringComparer.Ordinal);
        foreach (var (key, value) in baseFields)
        {
            merged[key] = value;
        }

        foreach (var (key, value) in overrideFields)
        {
            merged[key] = merged.TryGetValue(key, out var existing) && existing.IsObject && value.IsObject
                ? MergeObjects(existing, value)
                : value;
        }

        return FromObject(merged);
    }

    /// <summary>A short single-line form used in error messages: scalars as plain text, containers as HOCON.</summary>
    internal string ToDisplayString() => Type switch
    {
        HoconValueType.Null => "null",
        HoconValueType.Object or HoconValueType.Array => HoconRenderer.RenderCompact(this),
        _ => _text!,
    };
}
