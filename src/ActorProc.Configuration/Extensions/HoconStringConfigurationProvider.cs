using Microsoft.Extensions.Configuration;

namespace ActorProc.Configuration;

/// <summary>Exposes HOCON text through <c>IConfiguration</c> with colon-separated keys.</summary>
public sealed class HoconStringConfigurationProvider : ConfigurationProvider
{
    private readonly HoconStringConfigurationSource _source;

    /// <summary>Creates a provider for the given source.</summary>
    /// <param name="source">The source holding the text.</param>
    public HoconStringConfigurationProvider(HoconStringConfigurationSource source)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
    }

    /// <summary>Parses the text and replaces the provider data.</summary>
    public override void Load() => Data = HoconConfigurationFlattener.Flatten(Config.Parse(_source.Hocon));
}
