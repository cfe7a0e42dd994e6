using System.Diagnostics;
using System.Text;
using ActorProc.Multiprocessing.Native;

namespace ActorProc.Multiprocessing.Launch;

/// <summary>
/// One started child OS process as its parent sees it: pid, the stdin liveness pipe, the pumps that copy
/// its stdout and stderr to this process's console, and its exit code as Python reports it.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly System.Diagnostics.Process _os;
    private readonly Stream _stdin;
    private readonly ExitStatusFilter _status = new();
    private readonly Task<int> _exited;

    public ChildProcess(System.Diagnostics.Process os, long token)
    {
        _os = os;
        Token = token;
        Pid = os.Id;
        _stdin = os.StandardInput.BaseStream;
        var stdout = Task.Run(() => PumpAsync(os.StandardOutput.BaseStream, isStdout: true));
        var stderr = Task.Run(() => PumpAsync(os.StandardError.BaseStream, isStdout: false));
        _exited = WaitAsync(stdout, stderr);
    }

    /// <summary>The launch token the child reports with.</summary>
    public long Token { get; }

    /// <summary>The OS process id.</summary>
    public int Pid { get; }

    /// <summary>Completes with the exit code once the process ended and its output was drained.</summary>
    public Task<int> Exited => _exited;

    /// <summary>True once the process ended and its output was drained.</summary>
    public bool HasExited => _exited.IsCompleted;

    /// <summary>
    /// The code as Python's <c>exitcode</c> reports it: what the child reported (its <c>Process.Exit</c>,
    /// <c>Environment.Exit</c>, 1 for an unhandled exception), else <c>-signal</c> when a signal ended it.
    /// </summary>
    public static int MapExitCode(int osExitCode, int? reported) =>
        reported ?? (osExitCode is > 128 and < 128 + 65 ? -(osExitCode - 128) : osExitCode);

    /// <summary>Writes the bootstrap frame (and leaves stdin open).</summary>
    public void SendBootstrap(Runtime.ChildBootstrap bootstrap) => bootstrap.WriteTo(_stdin);

    /// <summary>Sends a signal; false when the process is already gone.</summary>
    public bool Signal(int signal) => !HasExited && Posix.Signal(Pid, signal);

    /// <summary>Closes stdin: a child that is waiting for work exits.</summary>
    public void CloseStdin()
    {
        try
        {
            _stdin.Dispose();
        }
        catch (IOException)
        {
            // The child is gone already.
        }
    }

    /// <summary>Releases the OS handle (the process must have exited).</summary>
    public void Dispose()
    {
        CloseStdin();
        _os.Dispose();
    }

    private async Task<int> WaitAsync(Task stdout, Task stderr)
    {
        await _os.WaitForExitAsync().ConfigureAwait(false);
        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        return MapExitCode(_os.ExitCode, _status.Status);
    }

    private async Task PumpAsync(Stream source, bool isStdout)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[8192];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
        try
        {
            while (true)
            {
                int read = await source.ReadAsync(bytes).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                int count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                if (count > 0)
                {
                    Forward(isStdout, isStdout ? _status.Push(chars.AsSpan(0, count)) : new string(chars, 0, count));
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke: the child is gone.
        }

        if (isStdout)
        {
            Forward(isStdout, _status.Flush());
        }
    }

    private static void Forward(bool isStdout, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        var writer = isStdout ? Console.Out : Console.Error;
        writer.Write(text);
        writer.Flush();
    }
}
