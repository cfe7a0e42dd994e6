// Python: class MyProcess(Process) overriding run(); start() runs it in a new process, run() in the caller.
// A subclass's fields are copied to the child when it starts, and its Run override executes there.
using mp = ActorProc.Multiprocessing;

// run(): a plain method call, in this process (no new process is started).
new Greeter("Alice", 1).Run();

// start(): Run executes in a new process; each greeter carries its own fields there.
var greeters = new List<Greeter> { new("Bob", 2), new("Carol", 3) };
foreach (var g in greeters)
{
    g.Start();
}

foreach (var g in greeters)
{
    g.Join();
    Console.WriteLine($"{g.Name} exited with {g.ExitCode}");
}

/// <summary>A process defined by subclassing: the constructor sets its fields, Run is what the child does.</summary>
internal sealed class Greeter : mp.Process
{
    private readonly string _who;
    private readonly int _times;

    public Greeter(string who, int times)
        : base(name: $"greeter-{who}")
    {
        _who = who;
        _times = times;
    }

    public override void Run()
    {
        for (int i = 1; i <= _times; i++)
        {
            // mp.Process.Current is this object in the child, and "MainProcess" when Run is called directly.
            Console.WriteLine($"Hello {_who} ({i} of {_times}) from {mp.Process.Current.Name}");
            Thread.Sleep(100);
        }
    }
}
