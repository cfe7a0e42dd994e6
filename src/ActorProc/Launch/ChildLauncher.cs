using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using ActorProc.Multiprocessing.Runtime;

namespace ActorProc.Multiprocessing.Launch;

/// <summary>
/// Starts child OS processes, always from one long-lived thread: Linux delivers a child's parent-death
/// signal when the thread that forked it ends, so a child forked from a thread-pool thread that later
/// retires would be killed with it.
/// </summary>
internal sealed class ChildLauncher
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly IReadOnlyDictionary<string, string> _childEnvironment;
    private readonly Thread _thread;

    public ChildLauncher(IReadOnlyDictionary<string, string> childEnvironment)
    {
        _childEnvironment = childEnvironment;
        _thread = new Thread(Loop) { IsBackground = true, Name = "ActorProc launcher" };
        _thread.Start();
    }

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
        if (Thread.CurrentThread == _thread)
        {
            start();
        }
        else
        {
            _work.Add(start);
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

    /// <summary>Runs <paramref name="work"/> on the launcher thread later.</summary>
    public void Post(Action work) => _work.Add(work);

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
