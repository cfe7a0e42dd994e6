using System.Globalization;
using System.Text;

namespace ActorProc.Actors;

/// <summary>Formats Microsoft.Extensions.Logging message templates: each <c>{Name}</c> hole takes the next argument.</summary>
internal static class LogTemplate
{
    public static string Format(string template, object?[]? args)
    {
        if (args is null || args.Length == 0 || template.IndexOf('{') < 0)
        {
            return template.Replace("{{", "{").Replace("}}", "}");
        }

        var sb = new StringBuilder(template.Length + 16 * args.Length);
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                sb.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                sb.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i);
                if (end < 0)
                {
                    sb.Append(template, i, template.Length - i);
                    break;
                }

                var hole = template.AsSpan(i + 1, end - i - 1);
                var colon = hole.IndexOf(':');
                var format = colon >= 0 ? hole[(colon + 1)..].ToString() : null;
                var value = next < args.Length ? args[next++] : null;
                sb.Append(value is IFormattable f ? f.ToString(format, CultureInfo.InvariantCulture) : value?.ToString() ?? "null");
                i = end;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
