using mp = ActorProc.Multiprocessing;

namespace ActorProc.Tests.Support;

/// <summary>Base of specs that start real child processes: every child still running at the end is killed and joined.</summary>
public abstract class ChildProcessSpec : IDisposable
{
    protected static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private readonly List<mp.Process> _started = [];

    protected TempFiles Files { get; } = new();

    public void Dispose()
    {
        foreach (var p in _started)
        {
            if (p.Pid is not null && p.IsAlive)
            {
                p.Kill();
                p.Join(Long);
            }
        }

        Files.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts <paramref name="p"/> and remembers it for the cleanup.</summary>
    protected mp.Process Start(mp.Process p)
    {
        _started.Add(p);
        p.Start();
        return p;
    }

    /// <summary>Starts a child running <paramref name="target"/>.</summary>
    protected mp.Process Start(Action target) => Start(new mp.Process(target));
}
