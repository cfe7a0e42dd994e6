using Microsoft.Extensions.Configuration;

namespace ActorProc.Configuration;

/// <summary>
/// Loads a HOCON file into <c>IConfiguration</c> with colon-separated keys (<c>a.b.c</c> → <c>a:b:c</c>,
/// array elements → <c>a:b:0</c>). Includes are resolved relative to the file.
/// </summary>
public sealed class HoconConfigurationProvider : FileConfigurationProvider
{
    /// <summary>Creates a provider for the given source.</summary>
    /// <param name="source">The file source.</param>
    public HoconConfigurationProvider(HoconConfigurationSource source)
        : base(source)
    {
    }

    /// <summary>Parses the file contents and replaces the provider data.</summary>
    /// <param name="stream">The file contents.</param>
    public override void Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var physicalPath = Source.FileProvider?.GetFileInfo(Source.Path ?? string.Empty).PhysicalPath;
        var origin = physicalPath ?? Source.Path ?? "<stream>";
        var baseDirectory = physicalPath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(physicalPath)!;
        var config = Config.ParseCore(text, origin, baseDirectory, physicalPath);
        Data = HoconConfigurationFlattener.Flatten(config);
    }
}
