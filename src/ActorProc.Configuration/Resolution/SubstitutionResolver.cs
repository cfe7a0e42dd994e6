using System.Text;

namespace ActorProc.Configuration;

/// <summary>
/// Resolves an unresolved tree into <see cref="HoconValue"/>s: substitutions are looked up against the whole root
/// (so forward references work), optional ones fall back to environment variables, concatenations and layered
/// definitions are combined, and reference cycles are reported.
/// </summary>
internal sealed class SubstitutionResolver
{
    private readonly ObjectNode _root;
    private readonly Dictionary<HoconNode, HoconValue?> _resolved = [];
    private readonly HashSet<HoconNode> _inProgress = [];
    private readonly List<SubstitutionNode> _active = [];

    private SubstitutionResolver(ObjectNode root)
    {
        _root = root;
    }

    public static HoconValue Resolve(ObjectNode root) =>
        new SubstitutionResolver(root).ResolveNode(root) ?? HoconValue.EmptyObject;

    private static HoconValue? Navigate(HoconValue? value, HoconPath path)
    {
        for (var i = 0; i < path.Count && value is not null; i++)
        {
            value = value.IsObject && value.GetObject().TryGetValue(path[i], out var child) ? child : null;
        }

        return value;
    }

    private static HoconValue? FromEnvironment(string name)
    {
        var text = Environment.GetEnvironmentVariable(name);
        return text is null ? null : HoconValue.FromString(text);
    }

    private static string KindName(HoconValue value) => value.Type switch
    {
        HoconValueType.Object => "an object",
        HoconValueType.Array => "an array",
        HoconValueType.Null => "null",
        _ => "a " + value.Type.ToString().ToLowerInvariant(),
    };

    /// <summary>Resolves a node once; null means undefined (an unresolved optional substitution).</summary>
    private HoconValue? ResolveNode(HoconNode node)
    {
        if (_resolved.TryGetValue(node, out var known))
        {
            return known;
        }

        if (!_inProgress.Add(node))
        {
            throw CycleError(node);
        }

        HoconValue? result;
        try
        {
            result = node switch
            {
                ScalarNode scalar => scalar.Value,
                ObjectNode obj => ResolveObject(obj),
                ArrayNode array => HoconValue.FromArray(array.Elements.Select(ResolveNode).OfType<HoconValue>().ToList()),
                SubstitutionNode substitution => ResolveSubstitution(substitution),
                SelfReferenceNode self => ResolveSelfReference(self),
                ConcatenationNode concatenation => ResolveConcatenation(concatenation),
                MergeNode merge => ResolveMerge(merge),
                PathIntoNode pathInto => Navigate(ResolveNode(pathInto.Source), pathInto.Remaining),
                _ => throw new InvalidOperationException($"Unknown node type {node.GetType().Name}"),
            };
        }
        finally
        {
            _inProgress.Remove(node);
        }

        _resolved[node] = result;
        return result;
    }

    private HoconParseException CycleError(HoconNode node)
    {
        if (_active.Count == 0)
        {
            return HoconParseException.At(node.Location, "Substitution cycle detected");
        }

        var steps = _active.Select(s => s.ToString());
        if (node is SubstitutionNode reentered)
        {
            steps = steps.Append(reentered.ToString());
        }

        var chain = string.Join(" -> ", steps);
        return HoconParseException.At(_active[^1].Location, $"Substitution cycle detected: {chain}");
    }

    private HoconValue ResolveObject(ObjectNode obj)
    {
        var fields = new OrderedDictionary<string, HoconValue>(obj.Fields.Count, StringComparer.Ordinal);
        foreach (var (name, child) in obj.Fields)
        {
            var value = ResolveNode(child);
            if (value is not null)
            {
                fields[name] = value;
            }
        }

        return HoconValue.FromObject(fields);
    }

    private HoconValue? ResolveSubstitution(SubstitutionNode substitution)
    {
        _active.Add(substitution);
        try
        {
            var value = Lookup(substitution.Path);
            if (value is null && substitution.FallbackPath is not null)
            {
                value = Lookup(substitution.FallbackPath);
            }

            value ??= FromEnvironment(substitution.Expression);
            if (value is null && !substitution.IsOptional)
            {
                throw HoconParseException.At(
                    substitution.Location,
                    $"Could not resolve substitution {substitution}: no setting found at path '{substitution.Path}' and no environment variable '{substitution.Expression}'");
            }

            return value;
        }
        finally
        {
            _active.RemoveAt(_active.Count - 1);
        }
    }

    private HoconValue? ResolveSelfReference(SelfReferenceNode self)
    {
        var reference = self.Reference;
        _active.Add(reference);
        try
        {
            var value = self.Previous is null ? null : ResolveNode(self.Previous);
            if (value is null && self.AllowEnvironment)
            {
                value = FromEnvironment(reference.Expression);
            }

            if (value is null && !reference.IsOptional)
            {
                throw HoconParseException.At(
                    reference.Location,
                    $"Could not resolve substitution {reference}: the field '{reference.Path}' refers to itself but has no earlier value");
            }

            return value;
        }
        finally
        {
            _active.RemoveAt(_active.Count - 1);
        }
    }

    /// <summary>Finds the value at an absolute path, resolving only what the path passes through.</summary>
    private HoconValue? Lookup(HoconPath path)
    {
        HoconNode node = _root;
        for (var i = 0; i < path.Count; i++)
        {
            var segment = path[i];
            if (node is ObjectNode obj)
            {
                if (!obj.Fields.TryGetValue(segment, out var child))
                {
                    return null;
                }

                node = child;
            }
            else if (node is MergeNode { Layers: [.., ObjectNode lastLayer] }
                && lastLayer.Fields.TryGetValue(segment, out var layered)
                && layered.IsNonObjectLiteral)
            {
                // The last definition replaces whatever earlier layers hold here, so the merge need not be resolved.
                node = layered;
            }
            else
            {
                return Navigate(ResolveNode(node), path.Skip(i));
            }
        }

        return ResolveNode(node);
    }

    private HoconValue? ResolveConcatenation(ConcatenationNode concatenation)
    {
        var pieces = new List<(HoconValue Value, bool IsWhitespace)>();
        foreach (var part in concatenation.Parts)
        {
            if (part is ScalarNode { IsWhitespace: true } whitespace)
            {
                pieces.Add((whitespace.Value, true));
            }
            else if (ResolveNode(part) is { } value)
            {
                pieces.Add((value, false));
            }
        }

        while (pieces.Count > 0 && pieces[0].IsWhitespace)
        {
            pieces.RemoveAt(0);
        }

        while (pieces.Count > 0 && pieces[^1].IsWhitespace)
        {
            pieces.RemoveAt(pieces.Count - 1);
        }

        if (pieces.Count == 0)
        {
            return null;
        }

        if (pieces.Count == 1)
        {
            return pieces[0].Value;
        }

        var values = pieces.Where(p => !p.IsWhitespace).Select(p => p.Value).ToList();
        if (values.Any(v => v.IsObject || v.IsArray))
        {
            return CombineContainers(concatenation, values);
        }

        var text = new StringBuilder();
        foreach (var (value, _) in pieces)
        {
            text.Append(value.IsNull ? "null" : value.GetString());
        }

        return HoconValue.FromString(text.ToString());
    }

    private static HoconValue CombineContainers(ConcatenationNode concatenation, List<HoconValue> values)
    {
        var first = values[0];
        var mismatch = values.FirstOrDefault(v => v.Type != first.Type);
        if (mismatch is not null)
        {
            throw HoconParseException.At(
                concatenation.Location,
                $"Cannot concatenate {KindName(first)} with {KindName(mismatch)} ('{first.ToDisplayString()}' and '{mismatch.ToDisplayString()}')");
        }

        if (first.IsArray)
        {
            return HoconValue.FromArray(values.SelectMany(v => v.GetArray()).ToList());
        }

        return values.Skip(1).Aggregate(first, HoconValue.MergeObjects);
    }

    private HoconValue? ResolveMerge(MergeNode merge)
    {
        HoconValue? result = null;
        foreach (var layer in merge.Layers)
        {
            var value = ResolveNode(layer);
            if (value is null)
            {
                continue;
            }

            result = result is { IsObject: true } && value.IsObject ? HoconValue.MergeObjects(result, value) : value;
        }

        return result;
    }
}
