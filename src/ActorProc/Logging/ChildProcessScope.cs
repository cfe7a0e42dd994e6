using System.Collections;
using System.Globalization;

namespace ActorProc.Multiprocessing.Logging;

/// <summary>
/// The logging scope around an event forwarded from a child process: properties <c>ProcessName</c> and
/// <c>ProcessId</c>; as text (console logger with scopes), <c>process NAME (pid N)</c>.
/// </summary>
internal sealed class ChildProcessScope(string processName, int processId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string NameKey = "ProcessName";
    public const string PidKey = "ProcessId";

    public int Count => 2;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(NameKey, processName),
        1 => new(PidKey, processId),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A child process scope has two properties."),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
        yield return this[1];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"process {processName} (pid {processId.ToString(CultureInfo.InvariantCulture)})";
}
