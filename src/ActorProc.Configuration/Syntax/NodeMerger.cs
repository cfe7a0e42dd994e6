namespace ActorProc.Configuration;

/// <summary>
/// Applies the HOCON rules for defining a field in an unresolved object: dotted keys create nested objects,
/// a later object merges into an earlier one, a later non-object replaces it, and definitions that depend
/// on substitutions are layered so they can be combined once resolved.
/// </summary>
internal static class NodeMerger
{
    /// <summary>Follows <paramref name="relative"/> from <paramref name="start"/> through the unresolved tree.</summary>
    internal static HoconNode? Descend(ObjectNode start, HoconPath relative)
    {
        HoconNode node = start;
        for (var i = 0; i < relative.Count; i++)
        {
            var segment = relative[i];
            if (node is ObjectNode obj)
            {
                if (!obj.Fields.TryGetValue(segment, out var child))
                {
                    return null;
                }

                node = child;
            }
            else if (node is MergeNode { Layers: [.., ObjectNode lastLayer] } && lastLayer.Fields.TryGetValue(segment, out var layered))
            {
                node = layered;
            }
            else
            {
                return new PathIntoNode(node, relative.Skip(i));
            }
        }

        return node;
    }

    internal static void Assign(ObjectNode target, HoconPath key, HoconNode value)
    {
        var obj = target;
        for (var i = 0; i < key.Count - 1; i++)
        {
            obj = ChildObject(obj, key[i], value.Location);
        }

        SetField(obj, key[key.Count - 1], value);
    }

    /// <summary>The object to add fields to for a dotted key segment, creating or layering one as needed.</summary>
    private static ObjectNode ChildObject(ObjectNode parent, string name, SourceLocation location)
    {
        parent.Fields.TryGetValue(name, out var existing);
        switch (existing)
        {
            case ObjectNode obj:
                return obj;
            case MergeNode { Layers: [.., ObjectNode lastLayer] }:
                return lastLayer;
        }

        var created = new ObjectNode(location);
        if (existing is MergeNode merge)
        {
            merge.Layers.Add(created);
        }
        else if (existing is not null && !existing.IsNonObjectLiteral)
        {
            parent.Fields[name] = new MergeNode(existing.Location, [existing, created]);
        }
        else
        {
            parent.Fields[name] = created;
        }

        return created;
    }

    /// <summary>Defines a field, applying the HOCON rules for duplicate keys.</summary>
    private static void SetField(ObjectNode parent, string name, HoconNode value)
    {
        if (!parent.Fields.TryGetValue(name, out var existing))
        {
            parent.Fields[name] = value;
            return;
        }

        if (value is ObjectNode incoming)
        {
            switch (existing)
            {
                case ObjectNode current:
                    MergeInto(current, incoming);
                    return;
                case MergeNode { Layers: [.., ObjectNode lastLayer] }:
                    MergeInto(lastLayer, incoming);
                    return;
                case MergeNode merge:
                    merge.Layers.Add(incoming);
                    return;
                case { IsNonObjectLiteral: false }:
                    parent.Fields[name] = new MergeNode(existing.Location, [existing, incoming]);
                    return;
                default:
                    parent.Fields[name] = incoming;
                    return;
            }
        }

        if (value.ContainsSelfReference || value.IsNonObjectLiteral)
        {
            parent.Fields[name] = value;
        }
        else if (existing is MergeNode merge)
        {
            merge.Layers.Add(value);
        }
        else
        {
            parent.Fields[name] = new MergeNode(existing.Location, [existing, value]);
        }
    }

    private static void MergeInto(ObjectNode current, ObjectNode incoming)
    {
        foreach (var (name, value) in incoming.Fields)
        {
            SetField(current, name, value);
        }
    }
}
