// A Generic Host worker service with the ActorProc actor system as a hosted service (AddActorProc): settings from
// app.conf (HOCON), a top-level actor created at start and found through DI, and a worker that starts a child
// process. The child logs through ProcessLogging.LoggerFactory; its events show up in this host's console log with
// the child's name and pid in the scope. The worker then stops the application: the program exits 0 by itself.
using ActorProc.Actors;
using ActorProc.Configuration;
using ActorProc.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using mp = ActorProc.Multiprocessing;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddHoconFile(Path.Combine(AppContext.BaseDirectory, "app.conf"));
builder.Logging.AddSimpleConsole(console =>
{
    console.IncludeScopes = true;
    console.SingleLine = true;
});
builder.Services.AddActorProc("worker-service", actorProc => actorProc
    .WithActors((system, registry, _) => registry.Register<Tally>(system.ActorOf(Props.Create<Tally>(), "tally"))));
builder.Services.AddHostedService<Worker>();
await builder.Build().RunAsync();

/// <summary>Starts a child that counts into the tally actor, reports the total, and stops the application.</summary>
internal sealed class Worker(ActorRegistry actors, IHostApplicationLifetime lifetime, ILogger<Worker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tally = actors.Get<Tally>();
        var child = new mp.Process(() => Counter.Count(tally, 3), name: "counter");
        child.Start();
        await child.JoinAsync(stoppingToken);

        // Join returned: everything the child sent (its Tells, its log events) was dispatched here first.
        var total = await tally.Ask<int>(new Tally.GetTotal(), TimeSpan.FromSeconds(10), stoppingToken);
        logger.LogInformation("Child {Name} exited with {ExitCode}; tally {Total}", child.Name, child.ExitCode, total);
        lifetime.StopApplication();
    }
}

/// <summary>A top-level actor of the host: sums the numbers it is sent.</summary>
internal sealed class Tally : ReceiveActor
{
    private int _total;

    public Tally()
    {
        Receive<int>(n => _total += n);
        Receive<GetTotal>(_ => Sender.Tell(_total));
    }

    public sealed record GetTotal;
}

/// <summary>What the child process runs.</summary>
internal static class Counter
{
    public static void Count(IActorRef tally, int upTo)
    {
        var log = mp.ProcessLogging.LoggerFactory.CreateLogger("WorkerService.Counter");
        for (int i = 1; i <= upTo; i++)
        {
            tally.Tell(i);
            log.LogInformation("Counted {Value}", i);
        }
    }
}
