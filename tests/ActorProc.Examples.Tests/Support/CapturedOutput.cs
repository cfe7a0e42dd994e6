using System.Text;

namespace ActorProc.Examples.Tests.Support;

/// <summary>The lines read so far from one redirected stream; <see cref="Ended"/> completes at its end.</summary>
internal sealed class CapturedOutput
{
    private readonly StringBuilder _text = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ended => _ended.Task;

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public void Add(string? line)
    {
        if (line is null)
        {
            _ended.TrySetResult();
            return;
        }

        lock (_text)
        {
            _text.Append(line).Append('\n');
        }
    }
}
