namespace ActorProc.Configuration;

/// <summary>A <c>${path}</c> or <c>${?path}</c> reference, looked up in the whole configuration after parsing.</summary>
internal sealed class SubstitutionNode : HoconNode
{
    public SubstitutionNode(SourceLocation location, HoconPath path, HoconPath? fallbackPath, bool isOptional, string expression)
        : base(location)
    {
        Path = path;
        FallbackPath = fallbackPath;
        IsOptional = isOptional;
        Expression = expression;
    }

    /// <summary>The absolute path to look up (prefixed by the location of an include).</summary>
    public HoconPath Path { get; }

    /// <summary>For substitutions in included files: the path as written, tried when <see cref="Path"/> is missing.</summary>
    public HoconPath? FallbackPath { get; }

    public bool IsOptional { get; }

    /// <summary>The expression as written; also the name of the environment variable fallback.</summary>
    public string Expression { get; }

    public override bool IsDeferred => true;

    public override string ToString() => IsOptional ? $"${{?{Expression}}}" : $"${{{Expression}}}";
}
