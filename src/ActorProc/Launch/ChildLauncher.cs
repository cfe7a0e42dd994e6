using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Launch;

/// <summary>
/// Starts child OS processes, always from one long-lived thread: Linux delivers a child's parent-death
/// signal when the thread that forked it ends, so a child forked from a thread-pool thread that later
/// retires would be killed with it. The thread starts with the first start (most children never start one)
/// and ends with <see cref="Stop"/>, once the runtime's children are gone.
/// </summary>
internal sealed class ChildLauncher
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly IReadOnlyDictionary<string, string> _childEnvironment;
    private readonly Lazy<Thread> _thread;

    public ChildLauncher(IReadOnlyDictionary<string, string> childEnvironment)
    {
        _childEnvironment = childEnvironment;
        _thread = new Lazy<Thread>(() =>
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = "ActorProc launcher" };
            thread.Start();
            return thread;
        });
    }

    /// <summary>Whether the launcher thread was started (diagnostics and tests).</summary>
    internal bool IsThreadStarted => _thread.IsValueCreated;

    /// <summary>Starts a child and sends it <paramref name="bootstrap"/>; returns once the OS process exists.</summary>
    /// <exception cref="InvalidOperationException">The application cannot start children, or the start failed.</exception>
    public ChildProcess Launch(ChildBootstrap bootstrap)
    {
        ChildProcess? child = null;
        ExceptionDispatchInfo? failure = null;
        using var done = new ManualResetEventSlim();
        Action start = () =>
        {
            try
            {
                child = StartOnThisThread(bootstrap.Token);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                done.Set();
            }
        };
        if (_thread.IsValueCreated && Thread.CurrentThread == _thread.Value)
        {
            start();
        }
        else
        {
            if (!TryPost(start))
            {
                throw new InvalidOperationException("The process runtime has stopped; it starts no more child processes.");
            }

            done.Wait();
        }

        failure?.Throw();

        try
        {
            child!.SendBootstrap(bootstrap);
        }
        catch (IOException e)
        {
            child!.Signal(Native.Posix.SIGKILL);
            throw new InvalidOperationException($"The child process {child.Pid} died before it could be bootstrapped.", e);
        }

        return child;
    }

    /// <summary>Runs <paramref name="work"/> on the launcher thread later; false (and nothing runs) once stopped.</summary>
    public bool TryPost(Action work)
    {
        if (_work.IsAddingCompleted)
        {
            return false;
        }

        _ = _thread.Value;
        try
        {
            _work.Add(work);
            return true;
        }
        catch (InvalidOperationException)
        {
            // Stopped (CompleteAdding) before or while adding.
            return false;
        }
    }

    /// <summary>Ends the launcher thread after the work already queued (call once the runtime's children are gone).</summary>
    public void Stop() => _work.CompleteAdding();

    private ChildProcess StartOnThisThread(long token)
    {
        var paths = ChildHostPaths.Current;
        var info = new ProcessStartInfo(paths.Dotnet)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Environment.CurrentDirectory,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add("--runtimeconfig");
        info.ArgumentList.Add(paths.RuntimeConfig);
        info.ArgumentList.Add("--depsfile");
        info.ArgumentList.Add(paths.DepsFile);
        info.ArgumentList.Add(paths.ChildHost);
        info.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in _childEnvironment)
        {
            info.Environment[name] = value;
        }

        var os = System.Diagnostics.Process.Start(info)
            ?? throw new InvalidOperationException($"Starting {paths.Dotnet} for a child process failed.");
        return new ChildProcess(os, token);
    }

    private void Loop()
    {
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }
}
