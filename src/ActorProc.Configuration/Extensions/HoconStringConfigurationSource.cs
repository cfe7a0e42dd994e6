using Microsoft.Extensions.Configuration;

namespace ActorProc.Configuration;

/// <summary>A configuration source holding HOCON text.</summary>
public sealed class HoconStringConfigurationSource : IConfigurationSource
{
    /// <summary>Creates a source for the given text.</summary>
    /// <param name="hocon">The HOCON text.</param>
    public HoconStringConfigurationSource(string hocon)
    {
        Hocon = hocon ?? throw new ArgumentNullException(nameof(hocon));
    }

    /// <summary>The HOCON text.</summary>
    public string Hocon { get; }

    /// <summary>Creates the provider that parses the text.</summary>
    /// <param name="builder">The configuration builder (unused).</param>
    /// <returns>A <see cref="HoconStringConfigurationProvider"/>.</returns>
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconStringConfigurationProvider(this);
}
