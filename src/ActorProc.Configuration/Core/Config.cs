namespace ActorProc.Configuration;

/// <summary>
/// An immutable, fully resolved HOCON configuration with typed getters addressed by path expressions
/// such as <c>akka.remote."host.name".port</c>.
/// </summary>
/// <remarks>
/// Getters throw <see cref="ConfigException"/> naming the path when a setting is missing and no default is given,
/// or when a value cannot be converted. A <c>null</c> value counts as missing.
/// </remarks>
public sealed class Config
{
    private const string DefaultOrigin = "<string>";

    private readonly HoconValue _root;

    private Config(HoconValue root)
    {
        _root = root;
    }

    /// <summary>A configuration without settings.</summary>
    public static Config Empty { get; } = new(HoconValue.EmptyObject);

    /// <summary>The root object of this configuration.</summary>
    public HoconValue Root => _root;

    /// <summary>True when the root object has no fields.</summary>
    public bool IsEmpty => _root.GetObject().Count == 0;

    /// <summary>
    /// Parses and resolves HOCON text. Relative includes are resolved against the current directory.
    /// </summary>
    /// <param name="hocon">The HOCON text.</param>
    /// <param name="origin">The name used in error messages, such as a file name; defaults to <c>&lt;string&gt;</c>.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="HoconParseException">The text is malformed or a substitution cannot be resolved.</exception>
    public static Config Parse(string hocon, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        return ParseCore(hocon, origin ?? DefaultOrigin, Directory.GetCurrentDirectory(), null);
    }

    /// <summary>Parses and resolves a HOCON file; its includes are resolved relative to the file's directory.</summary>
    /// <param name="path">The file to read.</param>
    /// <returns>The resolved configuration.</returns>
    /// <exception cref="ConfigException">The file does not exist.</exception>
    /// <exception cref="HoconParseException">The file is malformed or a substitution cannot be resolved.</exception>
    public static Config ParseFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ConfigException($"Configuration file '{path}' was not found");
        }

        return ParseCore(File.ReadAllText(fullPath), fullPath, Path.GetDirectoryName(fullPath)!, fullPath);
    }

    /// <summary>
    /// Combines this configuration with a fallback: settings of this configuration win, objects present in both
    /// are merged recursively. Neither input is changed.
    /// </summary>
    /// <param name="fallback">The configuration supplying settings missing here.</param>
    /// <returns>A new, merged configuration.</returns>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new Config(HoconValue.MergeObjects(fallback._root, _root));
    }

    /// <summary>True when the path exists and its value is not <c>null</c>.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>Whether a value is present.</returns>
    public bool HasPath(string path) => GetValue(path) is { IsNull: false };

    /// <summary>The value at the path, or null when it is missing.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The value, or null.</returns>
    public HoconValue? GetValue(string path)
    {
        var parsed = HoconPath.Parse(path);
        var value = _root;
        foreach (var segment in parsed.Segments)
        {
            if (!value.IsObject || !value.GetObject().TryGetValue(segment, out var child))
            {
                return null;
            }

            value = child;
        }

        return value;
    }

    /// <summary>Reads a string; numbers and booleans are returned as written.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing; when null a missing path throws.</param>
    /// <returns>The string.</returns>
    public string GetString(string path, string? defaultValue = null)
    {
        var value = GetValue(path);
        if (value is null || value.IsNull)
        {
            return defaultValue ?? throw ConfigException.Missing(path);
        }

        return ValueConverter.ToText(value, path);
    }

    /// <summary>Reads a 32-bit integer; a numeric string such as <c>"5"</c> is accepted.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing; when null a missing path throws.</param>
    /// <returns>The number.</returns>
    public int GetInt(string path, int? defaultValue = null) => Get(path, defaultValue, ValueConverter.ToInt);

    /// <summary>Reads a 64-bit integer; a numeric string is accepted.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing; when null a missing path throws.</param>
    /// <returns>The number.</returns>
    public long GetLong(string path, long? defaultValue = null) => Get(path, defaultValue, ValueConverter.ToLong);

    /// <summary>Reads a floating point number; a numeric string is accepted.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing; when null a missing path throws.</param>
    /// <returns>The number.</returns>
    public double GetDouble(string path, double? defaultValue = null) => Get(path, defaultValue, ValueConverter.ToDouble);

    /// <summary>Reads a boolean: <c>true</c>/<c>false</c>, or the strings <c>yes</c>/<c>no</c>/<c>on</c>/<c>off</c>.</summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing; when null a missing path throws.</param>
    /// <returns>The boolean.</returns>
    public bool GetBoolean(string path, bool? defaultValue = null) => Get(path, defaultValue, ValueConverter.ToBoolean);

    /// <summary>
    /// Reads a duration such as <c>500ms</c>, <c>30 s</c> or <c>2.5 hours</c>; a bare number means milliseconds.
    /// Units: <c>ns</c>, <c>us</c>/<c>µs</c>, <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c> and their long forms.
    /// </summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing; when null a missing path throws.</param>
    /// <param name="allowInfinite">Whether <c>infinite</c> or <c>off</c> may be given, meaning <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <returns>The duration.</returns>
    public TimeSpan GetTimeSpan(string path, TimeSpan? defaultValue = null, bool allowInfinite = true) =>
        Get(path, defaultValue, (value, p) => ValueConverter.ToTimeSpan(value, p, allowInfinite));

    /// <summary>
    /// Reads a size in bytes such as <c>64K</c>, <c>10MB</c> or <c>1 GiB</c>; a bare number means bytes.
    /// <c>K</c>, <c>Ki</c>, <c>KiB</c> are 1024; <c>KB</c> is 1000 (likewise for M, G, T).
    /// </summary>
    /// <param name="path">A path expression.</param>
    /// <param name="defaultValue">Returned when the path is missing; when null a missing path throws.</param>
    /// <returns>The number of bytes.</returns>
    public long GetBytes(string path, long? defaultValue = null) => Get(path, defaultValue, ValueConverter.ToBytes);

    /// <summary>Reads an array of scalars as strings. A missing path throws; check <see cref="HasPath"/> first when the list is optional.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The strings.</returns>
    public IReadOnlyList<string> GetStringList(string path) => GetList(path, ValueConverter.ToText);

    /// <summary>Reads an array of 32-bit integers. A missing path throws; check <see cref="HasPath"/> first when the list is optional.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The numbers.</returns>
    public IReadOnlyList<int> GetIntList(string path) => GetList(path, ValueConverter.ToInt);

    /// <summary>Reads an array of 64-bit integers. A missing path throws.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The numbers.</returns>
    public IReadOnlyList<long> GetLongList(string path) => GetList(path, ValueConverter.ToLong);

    /// <summary>Reads an array of floating point numbers. A missing path throws.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The numbers.</returns>
    public IReadOnlyList<double> GetDoubleList(string path) => GetList(path, ValueConverter.ToDouble);

    /// <summary>Reads an array of booleans. A missing path throws.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The booleans.</returns>
    public IReadOnlyList<bool> GetBooleanList(string path) => GetList(path, ValueConverter.ToBoolean);

    /// <summary>The object at the path as a configuration of its own; <see cref="Empty"/> when the path is missing.</summary>
    /// <param name="path">A path expression.</param>
    /// <returns>The sub-configuration.</returns>
    /// <exception cref="ConfigException">The value at the path is not an object.</exception>
    public Config GetConfig(string path)
    {
        var value = GetValue(path);
        if (value is null || value.IsNull)
        {
            return Empty;
        }

        return value.IsObject ? new Config(value) : throw ConfigException.WrongType(path, value.ToDisplayString(), "object");
    }

    /// <summary>The direct children of the root object, in definition order.</summary>
    /// <returns>The root fields.</returns>
    public IEnumerable<KeyValuePair<string, HoconValue>> AsEnumerable() => _root.GetObject();

    /// <summary>Renders the configuration as HOCON text that <see cref="Parse"/> reads back to an equal configuration.</summary>
    /// <returns>The HOCON text.</returns>
    public string ToHocon() => HoconRenderer.RenderDocument(_root);

    /// <summary>The same text as <see cref="ToHocon"/>.</summary>
    /// <returns>The HOCON text.</returns>
    public override string ToString() => ToHocon();

    internal static Config FromRoot(HoconValue root) => root.IsObject ? new Config(root) : throw new ArgumentException("The root must be an object.", nameof(root));

    internal static Config ParseCore(string text, string origin, string baseDirectory, string? filePath)
    {
        var tree = HoconParser.ParseDocument(text, origin, baseDirectory, filePath);
        return new Config(SubstitutionResolver.Resolve(tree));
    }

    private T Get<T>(string path, T? defaultValue, Func<HoconValue, string, T> convert)
        where T : struct
    {
        var value = GetValue(path);
        if (value is null || value.IsNull)
        {
            return defaultValue ?? throw ConfigException.Missing(path);
        }

        return convert(value, path);
    }

    private List<T> GetList<T>(string path, Func<HoconValue, string, T> convert)
    {
        var value = GetValue(path);
        if (value is null || value.IsNull)
        {
            throw ConfigException.Missing(path);
        }

        if (!value.IsArray)
        {
            throw ConfigException.WrongType(path, value.ToDisplayString(), "list");
        }

        var elements = value.GetArray();
        var result = new List<T>(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            var elementPath = $"{path}[{i}]";
            result.Add(element.IsNull ? throw ConfigException.WrongType(elementPath, "null", "list element") : convert(element, elementPath));
        }

        return result;
    }
}
