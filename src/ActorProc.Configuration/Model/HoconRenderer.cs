using System.Globalization;
using System.Text;

namespace ActorProc.Configuration;

/// <summary>Writes resolved values back as HOCON text that parses to equal values.</summary>
internal static class HoconRenderer
{
    private const string Indent = "    ";

    /// <summary>Renders a root object without surrounding braces, one field per line.</summary>
    public static string RenderDocument(HoconValue root)
    {
        var builder = new StringBuilder();
        WriteFields(builder, root, 0);
        return builder.ToString();
    }

    public static string RenderValue(HoconValue value, int depth)
    {
        var builder = new StringBuilder();
        WriteValue(builder, value, depth);
        return builder.ToString();
    }

    /// <summary>Renders a value on one line.</summary>
    public static string RenderCompact(HoconValue value) => value.Type switch
    {
        HoconValueType.Object => "{" + string.Join(", ", value.GetObject().Select(f => $"{RenderKey(f.Key)} = {RenderCompact(f.Value)}")) + "}",
        HoconValueType.Array => "[" + string.Join(", ", value.GetArray().Select(RenderCompact)) + "]",
        _ => RenderScalar(value),
    };

    /// <summary>Renders one key segment, quoting it unless it is a plain word.</summary>
    public static string RenderKey(string key) =>
        key.Length > 0 && key != "include" && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? key : Quote(key);

    /// <summary>Quotes a string using JSON escapes.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static string RenderScalar(HoconValue value) => value.Type switch
    {
        HoconValueType.String => Quote(value.GetString()!),
        HoconValueType.Null => "null",
        _ => value.GetString()!,
    };

    private static void WriteFields(StringBuilder builder, HoconValue obj, int depth)
    {
        foreach (var (key, child) in obj.GetObject())
        {
            Pad(builder, depth);
            builder.Append(RenderKey(key)).Append(" = ");
            WriteValue(builder, child, depth);
            builder.Append('\n');
        }
    }

    private static void WriteValue(StringBuilder builder, HoconValue value, int depth)
    {
        switch (value.Type)
        {
            case HoconValueType.Object when value.GetObject().Count == 0:
                builder.Append("{}");
                break;
            case HoconValueType.Object:
                builder.Append("{\n");
                WriteFields(builder, value, depth + 1);
                Pad(builder, depth);
                builder.Append('}');
                break;
            case HoconValueType.Array when value.GetArray().All(e => !e.IsObject && !e.IsArray):
                builder.Append('[').AppendJoin(", ", value.GetArray().Select(RenderScalar)).Append(']');
                break;
            case HoconValueType.Array:
                builder.Append("[\n");
                var elements = value.GetArray();
                for (var i = 0; i < elements.Count; i++)
                {
                    Pad(builder, depth + 1);
                    WriteValue(builder, elements[i], depth + 1);
                    builder.Append(i < elements.Count - 1 ? ",\n" : "\n");
                }

                Pad(builder, depth);
                builder.Append(']');
                break;
            default:
                builder.Append(RenderScalar(value));
                break;
        }
    }

    private static void Pad(StringBuilder builder, int depth)
    {
        for (var i = 0; i < depth; i++)
        {
            builder.Append(Indent);
        }
    }
}
