using Microsoft.Extensions.Configuration;

namespace ActorProc.Configuration;

/// <summary>A file-based HOCON source for <see cref="IConfigurationBuilder"/>.</summary>
public sealed class HoconConfigurationSource : FileConfigurationSource
{
    /// <summary>Creates the provider that reads the file.</summary>
    /// <param name="builder">The builder supplying the default file provider.</param>
    /// <returns>A <see cref="HoconConfigurationProvider"/>.</returns>
    public override IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        EnsureDefaults(builder);
        return new HoconConfigurationProvider(this);
    }
}
