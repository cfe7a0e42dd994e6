using Microsoft.Extensions.Configuration;

namespace ActorProc.Configuration;

/// <summary>Connects HOCON to <c>Microsoft.Extensions.Configuration</c>.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file as a configuration source.</summary>
    /// <param name="builder">The builder to add to.</param>
    /// <param name="path">The file path; relative paths are resolved against the builder's base path.</param>
    /// <param name="optional">Whether a missing file is ignored.</param>
    /// <param name="reloadOnChange">Whether the configuration reloads when the file changes.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false, bool reloadOnChange = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.Add<HoconConfigurationSource>(source =>
        {
            source.Path = path;
            source.Optional = optional;
            source.ReloadOnChange = reloadOnChange;
            source.ResolveFileProvider();
        });
    }

    /// <summary>Adds HOCON text as a configuration source.</summary>
    /// <param name="builder">The builder to add to.</param>
    /// <param name="hocon">The HOCON text.</param>
    /// <returns>The builder.</returns>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, string hocon)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HoconStringConfigurationSource(hocon));
    }

    /// <summary>
    /// Turns an <see cref="IConfiguration"/> (or one of its sections) into a <see cref="Config"/>: keys are split on
    /// <c>:</c>, sections whose keys are exactly <c>0..n-1</c> become arrays, and every leaf becomes a string
    /// (which the typed getters convert as needed).
    /// </summary>
    /// <param name="configuration">The configuration or section to convert.</param>
    /// <returns>The equivalent configuration.</returns>
    public static Config ToConfig(this IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Config.FromRoot(ConvertChildren(configuration.GetChildren().ToList()));
    }

    private static HoconValue Convert(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count > 0)
        {
            return ConvertChildren(children);
        }

        return section.Value is null ? HoconValue.Null : HoconValue.FromString(section.Value);
    }

    private static HoconValue ConvertChildren(List<IConfigurationSection> children)
    {
        if (children.Count > 0 && IsSequence(children))
        {
            var ordered = children.OrderBy(c => int.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture));
            return HoconValue.FromArray(ordered.Select(Convert).ToList());
        }

        var fields = new OrderedDictionary<string, HoconValue>(children.Count, StringComparer.Ordinal);
        foreach (var child in children)
        {
            fields[child.Key] = Convert(child);
        }

        return HoconValue.FromObject(fields);
    }

    private static bool IsSequence(List<IConfigurationSection> children)
    {
        var seen = new bool[children.Count];
        foreach (var child in children)
        {
            if (!int.TryParse(child.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                || index >= children.Count
                || seen[index])
            {
                return false;
            }

            seen[index] = true;
        }

        return true;
    }
}
