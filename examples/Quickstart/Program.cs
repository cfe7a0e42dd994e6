using ActorProc.Actors;
using Microsoft.Extensions.Logging;
using Spectre.Console;

// ActorProc quick start: an actor system with a supervised worker pool, ask, death watch and a crash the
// supervisor survives. (Processes, queues, locks and pools across OS processes arrive with later releases;
// this program grows with them.)

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
using var system = ActorSystem.Create("quickstart", "actorproc.loglevel = warning", loggerFactory);

var supervisor = system.ActorOf(Props.Create<Supervisor>(), "supervisor");

// 1. Ask: a request/reply without blocking a thread.
var words = new[] { "actors", "supervision", "mailboxes", "death", "watch", "ask", "become", "stash" };
var lengths = await Task.WhenAll(words.Select(w => supervisor.Ask<int>(new Measure(w), TimeSpan.FromSeconds(5))));
AnsiConsole.MarkupLine($"[green]1.[/] measured {words.Length} words on 4 workers: total length {lengths.Sum()}");

// 2. A crash: the worker throws, its supervisor restarts it, and the next request is served.
var crashed = await supervisor.Ask<string>(new Measure("boom"), TimeSpan.FromSeconds(5));
var after = await supervisor.Ask<int>(new Measure("recovered"), TimeSpan.FromSeconds(5));
AnsiConsole.MarkupLine($"[green]2.[/] {crashed}; the restarted worker then measured 'recovered' = {after}");

// 3. Death watch: watch a worker, stop it, get exactly one Terminated.
var watcher = system.ActorOf(Props.Create<Watcher>(), "watcher");
var terminated = await watcher.Ask<string>(new WatchAndStop(await supervisor.Ask<IActorRef>("worker-0")), TimeSpan.FromSeconds(5));
AnsiConsole.MarkupLine($"[green]3.[/] {terminated}");

// 4. Throughput: one million messages through one actor.
var counter = system.ActorOf(Props.Create<Counter>(), "counter");
var watch = System.Diagnostics.Stopwatch.StartNew();
for (var i = 0; i < 1_000_000; i++)
{
    counter.Tell(Counter.Increment, ActorRefs.NoSender);
}

var total = await counter.Ask<long>(Counter.Get, TimeSpan.FromSeconds(30));
AnsiConsole.MarkupLine($"[green]4.[/] counted {total:N0} messages in {watch.ElapsedMilliseconds} ms");

await system.Terminate();
var table = new Table().AddColumn("Shown").AddColumn("Result");
table.AddRow("ask across a supervised pool", $"{lengths.Sum()} characters");
table.AddRow("crash survived (restart)", after == "recovered".Length ? "yes" : "no");
table.AddRow("death watch", terminated.StartsWith("Terminated", StringComparison.Ordinal) ? "one Terminated" : terminated);
table.AddRow("1,000,000 tells", $"{watch.ElapsedMilliseconds} ms");
table.AddRow("ordered shutdown", system.WhenTerminated.IsCompletedSuccessfully ? "completed" : "pending");
AnsiConsole.Write(table);
return after == "recovered".Length && total == 1_000_000 ? 0 : 1;

internal sealed record Measure(string Word);

internal sealed record WatchAndStop(IActorRef Target);

/// <summary>Measures words; throws on "boom" to show supervision.</summary>
internal sealed class Worker : ReceiveActor
{
    public Worker()
    {
        Receive<Measure>(m =>
        {
            if (m.Word == "boom")
            {
                throw new InvalidOperationException("the worker was asked to explode");
            }

            Sender.Tell(m.Word.Length);
        });
    }
}

/// <summary>Owns four workers, routes requests round-robin, and restarts a worker that throws.</summary>
internal sealed class Supervisor : ReceiveActor
{
    private readonly List<IActorRef> _workers = [];
    private int _next;

    public Supervisor()
    {
        for (var i = 0; i < 4; i++)
        {
            _workers.Add(Context.ActorOf(Props.Create<Worker>(), $"worker-{i}"));
        }

        Receive<Measure>(m =>
        {
            if (m.Word == "boom")
            {
                Sender.Tell("worker crashed and was restarted by its supervisor");
            }

            _workers[_next++ % _workers.Count].Forward(m);
        });
        Receive<string>(name => Sender.Tell(Context.Child(name)));
    }

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(10, TimeSpan.FromMinutes(1), _ => Directive.Restart, loggingEnabled: false);
}

/// <summary>Watches an actor, stops it, and reports the Terminated it gets.</summary>
internal sealed class Watcher : ReceiveActor
{
    private IActorRef? _requester;

    public Watcher()
    {
        Receive<WatchAndStop>(w =>
        {
            _requester = Sender;
            Context.Watch(w.Target);
            Context.Stop(w.Target);
        });
        Receive<Terminated>(t => _requester?.Tell($"Terminated received for {t.ActorRef.Path}"));
    }
}

/// <summary>Counts increments.</summary>
internal sealed class Counter : ReceiveActor
{
    public static readonly object Increment = new();
    public static readonly object Get = new();
    private long _count;

    public Counter()
    {
        Receive<object>(m => ReferenceEquals(m, Increment), _ => _count++);
        Receive<object>(m => ReferenceEquals(m, Get), _ => Sender.Tell(_count));
    }
}
