using System.Diagnostics;
using System.Security.Cryptography;
using ActorProc.Actors;
using ActorProc.Remote;

namespace ActorProc.Benchmarks.Macro;

/// <summary>
/// Cross-process figures: ping-pong and request/reply between this process's actor system and a peer
/// process (<see cref="RemoteHost"/>) over remoting (Unix domain socket, authenticated).
/// </summary>
internal sealed class RemoteScenarios : IDisposable
{
    private readonly Process _host;
    private readonly ActorSystem _system;
    private readonly IActorRef _ponger;

    public RemoteScenarios()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var start = new ProcessStartInfo("dotnet", [typeof(RemoteScenarios).Assembly.Location, "remote-host"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _host = Process.Start(start) ?? throw new InvalidOperationException("Could not start the benchmark host process.");
        _host.StandardInput.WriteLine(Convert.ToBase64String(key));
        _host.StandardInput.Flush();
        var ready = _host.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The benchmark host exited before it was ready.");
        if (!ready.StartsWith("READY ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Unexpected line from the benchmark host: {ready}");
        }

        _system = ActorSystem.Create("bench-client", "actorproc.actor.default-dispatcher.throughput = 100");
        RemoteExtension.Start(_system, key);
        _ponger = _system.ResolveActorRef(ActorPath.Parse(ready["READY ".Length..]));
    }

    public double PingPong(int messages, int window)
    {
        var done = new CountdownEvent(1);
        var pinger = _system.ActorOf(Props.Create(() => new Pinger(_ponger, messages, window, done)));
        var warm = new CountdownEvent(1);
        pinger.Tell(new Start(warm, 50_000));
        warm.Wait();
        var sw = Stopwatch.StartNew();
        pinger.Tell(new Start(done, messages));
        done.Wait();
        sw.Stop();
        _system.Stop(pinger);
        return 2.0 * messages / sw.Elapsed.TotalSeconds;
    }

    public async Task<double> RoundTripAsync(int count)
    {
        var message = new Ping();

        // Long enough for tiered compilation to finish its rejits on both sides before the measurement.
        for (var i = 0; i < 50_000; i++)
        {
            await _ponger.Ask<Ping>(message, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }

        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await _ponger.Ask<Ping>(message, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }

        sw.Stop();
        return sw.Elapsed.TotalMilliseconds * 1000.0 / count;
    }

    public void Dispose()
    {
        _system.Terminate().Wait(TimeSpan.FromSeconds(10));
        _host.StandardInput.Close();
        if (!_host.WaitForExit(5000))
        {
            _host.Kill(entireProcessTree: true);
        }

        _host.Dispose();
    }
}
