using System.Collections;

namespace ActorProc.Multiprocessing.Logging;

/// <summary>
/// The state of a forwarded event as the root logs it: the child's properties (values as text, <c>{OriginalFormat}</c>
/// included, so structured sinks see the template) plus <c>ChildTimestamp</c>; formats as the child's message.
/// </summary>
internal sealed class ForwardedLogState(LogRecord record) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string TimestampKey = "ChildTimestamp";

    public string Message => record.Message;

    public int Count => record.PropertyNames.Length + 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == record.PropertyNames.Length
            ? new(TimestampKey, record.Timestamp)
            : new(record.PropertyNames[index], record.PropertyValues[index]);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => record.Message;
}
