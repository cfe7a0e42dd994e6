using ActorProc.Configuration;

namespace ActorProc.Actors;

/// <summary>The reference configuration (<c>hocon/actorproc.conf</c>, embedded in this assembly): every setting with its default.</summary>
public static class ReferenceConfig
{
    private static readonly Lazy<Config> Loaded = new(Load);

    /// <summary>The parsed reference configuration.</summary>
    public static Config Default => Loaded.Value;

    /// <summary>Parses user HOCON and falls back to the reference defaults.</summary>
    /// <exception cref="HoconParseException">The text is not valid HOCON (the message gives line and column).</exception>
    public static Config WithDefaults(string? hocon) =>
        string.IsNullOrWhiteSpace(hocon) ? Default : Config.Parse(hocon, "<actor system config>").WithFallback(Default);

    private static Config Load()
    {
        using var stream = typeof(ReferenceConfig).Assembly.GetManifestResourceStream("actorproc.conf")
            ?? throw new InvalidOperationException("The embedded reference configuration actorproc.conf is missing from ActorProc.Actors.");
        using var reader = new StreamReader(stream);
        return Config.Parse(reader.ReadToEnd(), "actorproc.conf (reference)");
    }
}
