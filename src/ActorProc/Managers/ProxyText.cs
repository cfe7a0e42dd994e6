using System.Globalization;
using System.Text;

namespace ActorProc.Multiprocessing.Managers;

/// <summary>The text of proxy snapshots for <c>ToString</c>, as Python prints them: <c>{'a': 1}</c>, <c>[1, 2]</c>, <c>Namespace(x=1)</c>.</summary>
internal static class ProxyText
{
    /// <summary>One element: strings quoted, formattable values in the invariant culture, null as <c>null</c>.</summary>
    public static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('\'').Append(s).Append('\'');
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(value);
                break;
        }
    }
}
