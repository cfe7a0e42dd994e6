using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ActorProc.Actors;
using ActorProc.Multiprocessing.Launch;
using ActorProc.Multiprocessing.Native;
using ActorProc.Multiprocessing.Protocol;

namespace ActorProc.Multiprocessing.Runtime;

/// <summary>
/// The life of a child process, called by ActorProc.ChildHost's <c>Main</c>: guard against an orphaned
/// start, read the bootstrap from stdin, start the actor system, report ready, wait for the target, run it,
/// and exit with the code Python would report, after the exit rules for its own children and a flush of
/// its outgoing messages and log events.
/// </summary>
internal static class ChildEntry
{
    private const int ExitOrphaned = 71;
    private const int ExitBadBootstrap = 72;
    private static int _exiting;
    private static volatile bool _terminatedBySignal;
    private static PosixSignalRegistration? _sigterm;
    private static ChildBootstrap? _bootstrap;
    private static bool _running;

    /// <summary>The child's main.</summary>
    /// <param name="args">The parent's pid.</param>
    /// <returns>The exit code (normally the process ends through <see cref="Exit"/> before returning).</returns>
    public static int Run(string[] args)
    {
        if (args.Length != 1 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parentPid))
        {
            Console.Error.WriteLine("usage: ActorProc.ChildHost <parent-pid> (started by ActorProc, with a bootstrap frame on stdin)");
            return 2;
        }

        // First: die with the parent however it ends; if it already died, do not run at all.
        Posix.SetParentDeathSignal();
        if (OperatingSystem.IsLinux() && Posix.ParentPid() != parentPid)
        {
            return ExitOrphaned;
        }

        // Beside the bootstrap read and the runtime's start (a second core does it while the main thread works).
        ChildWarmUp.BeginSharedSerializerCode();
        var stdin = Console.OpenStandardInput();
        ChildBootstrap bootstrap;
        try
        {
            bootstrap = ChildBootstrap.ReadFrom(stdin);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            Console.Error.WriteLine("ActorProc child: " + e.Message);
            return ExitBadBootstrap;
        }

        _bootstrap = bootstrap;
        AppDomain.CurrentDomain.UnhandledException += (_, e) => Crash(e.ExceptionObject);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => OnProcessExit();
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => _terminatedBySignal = true);

        var work = new TaskCompletionSource<RunTarget>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runtime = ProcessRuntime.StartChild(bootstrap);
        ChildWarmUp.BeginStartPath(runtime, bootstrap.Spare, bootstrap.Preload);
        var control = new ChildControl(runtime.System, work);
        _ = runtime.System.ResolveActorRef(ActorPath.Parse(bootstrap.ReportTo))
            .Ask<ChildReadyAck>(new ChildReady(bootstrap.Token, control, Environment.ProcessId), runtime.Settings.ExitFlushTimeout);
        WatchStdin(stdin);
        var run = work.Task.GetAwaiter().GetResult();
        _running = true;
        runtime.LogForwarder?.Begin(run.Info.Name);
        Process process;
        try
        {
            TrySetCurrentDirectory(run.Info.CurrentDirectory);
            process = runtime.Serializer.Deserialize<Process>(run.Payload, runtime.System);
            Process.BecomeCurrent(process, run.Info);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Process {run.Info.Name}: the target could not be loaded in the child process:{Environment.NewLine}{e}");
            Exit(1);
            return 1;
        }

        int code = 0;
        try
        {
            process.Run();
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Process {process.Name}:{Environment.NewLine}{e}");
            code = 1;
        }

        Exit(code);
        return code;
    }

    /// <summary>Ends this child: exit rules for its children, flush, report <paramref name="code"/>, exit. Never returns.</summary>
    public static void Exit(int code)
    {
        if (Interlocked.Exchange(ref _exiting, 1) != 0)
        {
            // Another thread is already ending the process.
            Thread.Sleep(Timeout.Infinite);
        }

        Shutdown();
        ReportAndExit(code);
    }

    private static void Shutdown()
    {
        if (ProcessRuntime.Existing is not { } runtime)
        {
            return;
        }

        runtime.ShutdownChildren();
        Pools.PoolWorker.FlushOnExit();
        Queues.PutBuffer.FlushAll();
        if (Shared.SharedSegments.CreatedAny)
        {
            Shared.SharedSegments.ReleaseAtExit();
        }

        // As Python's os._exit after the target: no actor system termination (its actors are not stopped one
        // by one), only what other processes must still see: queued outgoing messages are delivered, and the
        // parent confirms it has dispatched everything this process sent it before the connections close.
        using var timeout = new CancellationTokenSource(runtime.Settings.ExitFlushTimeout);
        try
        {
            if (_running && _bootstrap is { } bootstrap)
            {
                // Log events go out before the exit report, on the same connection: the parent writes them first.
                runtime.LogForwarder?.Flush(runtime.Settings.ExitFlushTimeout, timeout.Token);
                runtime.System.ResolveActorRef(ActorPath.Parse(bootstrap.ReportTo))
                    .Ask<ChildExitAck>(new ChildExiting(bootstrap.Token), runtime.Settings.ExitFlushTimeout, timeout.Token)
                    .Wait(timeout.Token);
            }

            runtime.Remote.StopForExitAsync(timeout.Token).Wait(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or AggregateException)
        {
            // Flushing failed or took too long: exit anyway.
        }
    }

    private static void ReportAndExit(int code)
    {
        WriteStatus(code);
        Posix.ExitNow(code);
    }

    private static void WriteStatus(int code)
    {
        try
        {
            Console.Out.Flush();
            Console.Error.Flush();
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(Encoding.ASCII.GetBytes(ExitStatusFilter.Record(code)));
            stdout.Flush();
        }
        catch (IOException)
        {
            // The parent is gone; nobody reads the status.
        }
    }

    // Environment.Exit (or the end of Main) in user code: apply the exit rules and report its code.
    private static void OnProcessExit()
    {
        if (_terminatedBySignal || Interlocked.Exchange(ref _exiting, 1) != 0)
        {
            return;
        }

        Shutdown();
        WriteStatus(Environment.ExitCode);
    }

    private static void Crash(object exception)
    {
        if (Interlocked.Exchange(ref _exiting, 1) != 0)
        {
            Thread.Sleep(Timeout.Infinite);
        }

        Console.Error.WriteLine($"Process {Process.Current.Name}:{Environment.NewLine}{exception}");
        ReportAndExit(1);
    }

    private static void WatchStdin(Stream stdin)
    {
        // Stdin is the parent's liveness pipe: EOF means the parent is gone (or drains its spares).
        var thread = new Thread(() =>
        {
            var buffer = new byte[64];
            try
            {
                while (stdin.Read(buffer) > 0)
                {
                }
            }
            catch (IOException)
            {
            }

            Posix.ExitNow(1);
        })
        { IsBackground = true, Name = "ActorProc parent watch" };
        thread.Start();
    }

    private static void TrySetCurrentDirectory(string directory)
    {
        try
        {
            Environment.CurrentDirectory = directory;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The parent's directory is not reachable here; keep the inherited one.
        }
    }
}
