namespace ActorProc.Configuration;

/// <summary>State shared by the parser of a document and the parsers of the files it includes.</summary>
internal sealed class ParseContext
{
    /// <summary>Full paths of the files currently being parsed, outermost first; used to detect include cycles.</summary>
    public List<string> IncludeChain { get; } = [];

    /// <summary>The objects being filled, outermost first, with their absolute paths (null inside arrays).</summary>
    public List<ScopeFrame> Frames { get; } = [];
}

/// <summary>An object under construction and its absolute path, or null when it has none (objects in arrays).</summary>
internal readonly record struct ScopeFrame(ObjectNode Target, HoconPath? Prefix);
