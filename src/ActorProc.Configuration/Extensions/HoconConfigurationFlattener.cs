namespace ActorProc.Configuration;

/// <summary>
/// Converts between the HOCON tree and the flat, colon-separated key space of <c>IConfiguration</c>.
/// </summary>
internal static class HoconConfigurationFlattener
{
    /// <summary>
    /// Flattens a configuration: <c>a.b.c</c> becomes <c>a:b:c</c>, array elements become <c>a:b:0</c>, <c>a:b:1</c>.
    /// Scalars keep their source text (so <c>500ms</c> stays <c>500ms</c>); empty objects and arrays map to null.
    /// </summary>
    public static Dictionary<string, string?> Flatten(Config config)
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in config.AsEnumerable())
        {
            Add(data, key, value);
        }

        return data;
    }

    private static void Add(Dictionary<string, string?> data, string key, HoconValue value)
    {
        switch (value.Type)
        {
            case HoconValueType.Object when value.GetObject().Count > 0:
                foreach (var (childKey, child) in value.GetObject())
                {
                    Add(data, $"{key}:{childKey}", child);
                }

                break;
            case HoconValueType.Array when value.GetArray().Count > 0:
                var elements = value.GetArray();
                for (var i = 0; i < elements.Count; i++)
                {
                    Add(data, $"{key}:{i}", elements[i]);
                }

                break;
            case HoconValueType.Object or HoconValueType.Array or HoconValueType.Null:
                data[key] = null;
                break;
            default:
                data[key] = value.GetString();
                break;
        }
    }
}
