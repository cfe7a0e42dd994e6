// A Generic Host application (Server GC, as ASP.NET apps have) whose background service starts a child process:
// the child runs the target, not the host's Main, and uses workstation GC (actorproc.process.child-environment).
using System.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using mp = ActorProc.Multiprocessing;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddHostedService<Worker>();
using var host = builder.Build();
await host.RunAsync();

internal sealed class Worker(IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Console.WriteLine($"host: pid {Environment.ProcessId}, server GC {GCSettings.IsServerGC}");
        var child = new mp.Process(Child.Report, name: "hosted-child");
        child.Start();
        await child.JoinAsync(stoppingToken);
        Console.WriteLine($"host: {child.Name} exited with {child.ExitCode}; stopping the host");
        lifetime.StopApplication();
    }
}

internal static class Child
{
    public static void Report() =>
        Console.WriteLine($"child: {mp.Process.Current.Name}, pid {Environment.ProcessId}, parent {mp.Process.Parent!.Pid}, server GC {GCSettings.IsServerGC}");
}
