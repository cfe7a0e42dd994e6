using System.Diagnostics;
using System.Globalization;
using System.Text;
using ActorProc.Actors;

namespace ActorProc.Remote.Tests.Remoting;

/// <summary>Keys, configuration and actors shared by the remoting tests.</summary>
internal static class RemotingSupport
{
    public static readonly byte[] Key = Encoding.UTF8.GetBytes("remoting-tests-shared-key-0123456789");

    public static readonly byte[] WrongKey = Encoding.UTF8.GetBytes("some-other-key-not-the-shared-one!!");

    /// <summary>For in-process pairs: the default failure detector (3 s pause, robust on a loaded machine), a short handshake.</summary>
    public const string Config = "actorproc.remote.handshake-timeout = 2s";

    /// <summary>Short failure-detector settings so that losing a peer is noticed in about a second.</summary>
    public const string FastConfig = """
        actorproc.remote {
          heartbeat-interval = 200ms
          acceptable-heartbeat-pause = 1s
          handshake-timeout = 2s
        }
        """;
}

/// <summary>Replies with every message it gets; "stop" stops it.</summary>
internal sealed class Echo : ReceiveActor
{
    public Echo()
    {
        Receive<string>(s => s == "stop", _ => Context.Stop(Self));
        ReceiveAny(m => Sender.Tell(m, Self));
    }
}

/// <summary>Forwards the payload to the target, keeping the original sender.</summary>
internal sealed class Forwarder : ReceiveActor
{
    public Forwarder() => Receive<ForwardTo>(f => f.Target.Tell(f.Payload, Sender));
}

/// <summary>Asks a <see cref="Forwarder"/> to pass <see cref="Payload"/> on to <see cref="Target"/>.</summary>
internal sealed record ForwardTo(IActorRef Target, object Payload);

/// <summary>A user-defined message type.</summary>
internal sealed record Greeting(string Name, int Count);

/// <summary>A type the receiving system's allow-list refuses.</summary>
internal sealed record ForbiddenCommand(string Command);

/// <summary>
/// The test host (<c>ActorProc.Remote.TestHost</c>) in its own process: started with the auth key on stdin,
/// ready once it printed <c>READY &lt;address&gt;</c>; disposing kills the whole process tree.
/// </summary>
internal sealed class TestHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private TestHostProcess(Process process, Address address)
    {
        _process = process;
        Address = address;
    }

    public Address Address { get; private set; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static string HostDll
    {
        get
        {
            var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var tfm = baseDir.Name;
            var configuration = baseDir.Parent!.Name;
            var testsDir = baseDir.Parent.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(testsDir, "ActorProc.Remote.TestHost", "bin", configuration, tfm, "ActorProc.Remote.TestHost.dll");
        }
    }

    public static TestHostProcess Start(byte[] authKey, string? hocon, TimeSpan readyTimeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostDll);
        start.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (hocon is not null)
        {
            start.ArgumentList.Add(hocon);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the test host.");
        var host = new TestHostProcess(process, Address.Local("pending"));
        try
        {
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (host._stderr)
                    {
                        host._stderr.AppendLine(e.Data);
                    }
                }
            };
            process.BeginErrorReadLine();
            process.StandardInput.WriteLine(Convert.ToBase64String(authKey));
            process.StandardInput.Flush();
            var line = process.StandardOutput.ReadLineAsync().WaitAsync(readyTimeout).GetAwaiter().GetResult();
            if (line is null || !line.StartsWith("READY ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The test host did not get ready: '{line}'. stderr: {host.StdErr}");
            }

            host.Address = Address.Parse(line["READY ".Length..]);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public string StdErr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Sends a signal (e.g. STOP, CONT, KILL) with the kill command.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, Pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                // Graceful first (stdin EOF makes the host terminate its system and remove its socket), then the whole tree.
                Signal("CONT");
                _process.StandardInput.Close();
                if (!_process.WaitForExit(5_000))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }

            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
            RemoveStaleSocket();
        }
    }

    /// <summary>A host killed with SIGKILL cannot remove its private socket directory: do it for it.</summary>
    private void RemoveStaleSocket()
    {
        if (Address.Protocol != "actorproc.unix" || Address.Host is not { } socket)
        {
            return;
        }

        var directory = Path.GetDirectoryName(socket);
        if (directory is not null && Path.GetFileName(directory).StartsWith("actorproc-", StringComparison.Ordinal) && Directory.Exists(directory))
        {
            File.Delete(socket);
            Directory.Delete(directory, recursive: false);
        }
    }
}
